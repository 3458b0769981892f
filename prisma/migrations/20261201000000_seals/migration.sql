-- AlterTable
ALTER TABLE "SavedSignature" ADD COLUMN     "isDefault" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SavedSeal" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "style" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "SavedSeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedSeal_userId_createdAt_idx" ON "SavedSeal"("userId", "createdAt");

