-- 管理后台二次验证 is proven like every other intent: a pending FaceCheck (purpose ADMIN_FACTOR)
-- carries its WebAuthn challenge, so AdminFactor only records passes.
ALTER TABLE "AdminFactor" DROP COLUMN "challenge";
-- rows that only ever held a challenge (never passed) record nothing any more
DELETE FROM "AdminFactor" WHERE "passedAt" IS NULL;

-- a check for a purpose the face does not prove opens no face provider session
ALTER TABLE "FaceCheck" ALTER COLUMN "provider" DROP NOT NULL;
