-- The face provider's session is opened when the person turns to the face check, and its page
-- (FaceID: DetectAuth's H5 Url) is kept with the check so a reload or another tab gets the same one.
ALTER TABLE "FaceCheck" ADD COLUMN "providerUrl" TEXT;
