-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "requestPartyId" TEXT,
ADD COLUMN     "requestReason" TEXT,
ADD COLUMN     "requestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LegalProvider" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalProvider_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegalProvider_enabled_sortOrder_idx" ON "LegalProvider"("enabled", "sortOrder");


-- Initial 法律服务 content: a real public service; admins add and order providers later.
INSERT INTO "LegalProvider" ("id", "name", "description", "url", "sortOrder", "enabled", "updatedAt") VALUES
  ('legal-12348', '中国法律服务网（12348）', '司法部主办的公共法律服务平台：在线法律咨询、查找律师与公证、法律援助指引。', 'https://www.12348.gov.cn/', 10, true, CURRENT_TIMESTAMP);
