-- AlterTable
ALTER TABLE "User" ADD COLUMN     "frozenReason" TEXT;

-- CreateTable
CREATE TABLE "AdminFactor" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" TEXT,
    "passedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "challenge" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminFactor_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "AdminAudit" (
    "id" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IouCase" (
    "id" TEXT NOT NULL,
    "court" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "isSample" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IouCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminFactor_userId_idx" ON "AdminFactor"("userId");

-- CreateIndex
CREATE INDEX "AdminAudit_createdAt_idx" ON "AdminAudit"("createdAt");

-- CreateIndex
CREATE INDEX "AdminAudit_targetType_targetId_idx" ON "AdminAudit"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "IouCase_hiddenAt_decidedOn_idx" ON "IouCase"("hiddenAt", "decidedOn");

