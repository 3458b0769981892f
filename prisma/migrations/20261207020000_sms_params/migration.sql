-- SMS by template (#21 item 1): a message is a template + named parameters, sent by a gateway
-- that reports delivery back; the report is matched on the gateway's message id.
ALTER TYPE "OutboxStatus" ADD VALUE 'DELIVERED';

ALTER TABLE "OutboxMessage" ADD COLUMN "template" TEXT,
ADD COLUMN "params" JSONB,
ADD COLUMN "providerMessageId" TEXT,
ADD COLUMN "reportedAt" TIMESTAMP(3);

CREATE INDEX "OutboxMessage_provider_providerMessageId_idx" ON "OutboxMessage"("provider", "providerMessageId");
