-- Face checks are judged by asking the provider for the result of its reference, never by the browser.
ALTER TABLE "FaceCheck" ADD COLUMN "providerRef" TEXT;

CREATE TABLE "SimulatedFaceSession" (
  "ref" TEXT NOT NULL,
  "outcome" TEXT NOT NULL,
  "decidedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "SimulatedFaceSession_pkey" PRIMARY KEY ("ref")
);
