-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'PENDING_INFO', 'PENDING_SIGN', 'PENDING_CLAIM', 'EFFECTIVE', 'RESCINDING', 'SETTLING', 'RESCINDED', 'SETTLED', 'REJECTED', 'REVOKED', 'EXPIRED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "FillMode" AS ENUM ('SELF', 'COUNTERPARTY');

-- CreateEnum
CREATE TYPE "PartyStatus" AS ENUM ('WAITING_INFO', 'WAITING_SIGN', 'SIGNED', 'REJECTED');

-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "initiatorId" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "amountFen" INTEGER,
    "pdfSha256" TEXT,
    "initiatedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "effectiveAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "repayReminder" BOOLEAN NOT NULL DEFAULT false,
    "auditHead" TEXT NOT NULL DEFAULT '',
    "auditSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Party" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "isInitiator" BOOLEAN NOT NULL,
    "fillMode" "FillMode" NOT NULL,
    "userId" TEXT,
    "name" TEXT,
    "idNumberEnc" TEXT,
    "idNumberHash" TEXT,
    "idMasked" TEXT,
    "birthDate" DATE,
    "phone" TEXT,
    "status" "PartyStatus" NOT NULL,
    "inviteToken" TEXT,
    "signatureSha256" TEXT,
    "signedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "lastUrgedAt" TIMESTAMP(3),

    CONSTRAINT "Party_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FolderEntry" (
    "userId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL,
    "title" TEXT NOT NULL,
    "counterpartyNames" TEXT NOT NULL,
    "contractCreatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FolderEntry_pkey" PRIMARY KEY ("userId","contractId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "ContractStatus",
    "toStatus" "ContractStatus" NOT NULL,
    "actorUserId" TEXT,
    "actorRole" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "docSha256" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSignature" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "SavedSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");

-- CreateIndex
CREATE INDEX "Contract_initiatorId_status_idx" ON "Contract"("initiatorId", "status");

-- CreateIndex
CREATE INDEX "Contract_status_expiresAt_idx" ON "Contract"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Party_inviteToken_key" ON "Party"("inviteToken");

-- CreateIndex
CREATE INDEX "Party_userId_idx" ON "Party"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Party_contractId_seq_key" ON "Party"("contractId", "seq");

-- CreateIndex
CREATE INDEX "FolderEntry_userId_contractCreatedAt_contractId_idx" ON "FolderEntry"("userId", "contractCreatedAt" DESC, "contractId");

-- CreateIndex
CREATE INDEX "FolderEntry_userId_status_contractCreatedAt_idx" ON "FolderEntry"("userId", "status", "contractCreatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_contractId_seq_key" ON "AuditEvent"("contractId", "seq");

-- CreateIndex
CREATE INDEX "SavedSignature_userId_createdAt_idx" ON "SavedSignature"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSignature_userId_sha256_key" ON "SavedSignature"("userId", "sha256");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_initiatorId_fkey" FOREIGN KEY ("initiatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Party" ADD CONSTRAINT "Party_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FolderEntry" ADD CONSTRAINT "FolderEntry_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSignature" ADD CONSTRAINT "SavedSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

