-- Verification codes never rest in the outbox in clear: masked body, sealed original until delivery.
ALTER TABLE "OutboxMessage" ADD COLUMN "sealed" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "redacted" BOOLEAN NOT NULL DEFAULT false;
UPDATE "OutboxMessage" SET "body" = regexp_replace("body", '\d{6}', '******', 'g'), "redacted" = true
  WHERE "kind" IN ('login_code', 'account.phoneCode', 'account.emailCode');

CREATE TABLE "SimulatedDelivery" (
  "id" TEXT NOT NULL,
  "outboxId" TEXT NOT NULL,
  "to" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "SimulatedDelivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SimulatedDelivery_outboxId_key" ON "SimulatedDelivery"("outboxId");
CREATE INDEX "SimulatedDelivery_to_createdAt_idx" ON "SimulatedDelivery"("to", "createdAt");

-- Sessions the server can end (sign-out revokes the row; a copied cookie then stops working).
CREATE TABLE "UserSession" (
  "id" TEXT NOT NULL,
  "userId" TEXT NOT NULL,
  "createdAt" TIMESTAMP(3) NOT NULL,
  "revokedAt" TIMESTAMP(3),
  CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- Consents as evidence: which document and version each person accepted, when.
CREATE TABLE "ConsentRecord" (
  "id" TEXT NOT NULL,
  "userId" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "version" TEXT NOT NULL,
  "acceptedAt" TIMESTAMP(3) NOT NULL,
  "ip" TEXT,
  CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ConsentRecord_userId_kind_idx" ON "ConsentRecord"("userId", "kind");
