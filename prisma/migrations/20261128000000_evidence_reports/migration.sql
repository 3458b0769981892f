-- CreateEnum
CREATE TYPE "EvidenceReportStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "EvidenceReport" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" "EvidenceReportStatus" NOT NULL DEFAULT 'QUEUED',
    "pdfSha256" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceReport_number_key" ON "EvidenceReport"("number");

-- CreateIndex
CREATE INDEX "EvidenceReport_contractId_createdAt_idx" ON "EvidenceReport"("contractId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidenceReport_userId_createdAt_idx" ON "EvidenceReport"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_docSha256_idx" ON "AuditEvent"("docSha256");

