-- CreateEnum
CREATE TYPE "OrderPurpose" AS ENUM ('CONTRACT', 'REPORT', 'SAVER_CARD');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'EXPIRED', 'REFUNDING', 'REFUNDED');

-- CreateEnum
CREATE TYPE "CouponStatus" AS ENUM ('AVAILABLE', 'LOCKED', 'USED');

-- AlterEnum
ALTER TYPE "EvidenceReportStatus" ADD VALUE 'UNPAID';

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "OrderPurpose" NOT NULL,
    "kind" TEXT,
    "contractId" TEXT,
    "reportId" TEXT,
    "amountFen" INTEGER NOT NULL,
    "lines" JSONB NOT NULL,
    "couponId" TEXT,
    "usesFreeSlot" BOOLEAN NOT NULL DEFAULT false,
    "month" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "gatewayTxn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "paidAt" TIMESTAMP(3),
    "refundedAt" TIMESTAMP(3),

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouponBatch" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL DEFAULT 0,
    "percentOff" INTEGER NOT NULL DEFAULT 0,
    "minSpendFen" INTEGER NOT NULL DEFAULT 0,
    "kinds" JSONB,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "perUserLimit" INTEGER NOT NULL DEFAULT 1,
    "code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouponBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "CouponStatus" NOT NULL DEFAULT 'AVAILABLE',
    "orderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaverCard" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SaverCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentNotice" (
    "id" TEXT NOT NULL,
    "notifyId" TEXT,
    "orderNumber" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxPayment" (
    "id" TEXT NOT NULL,
    "orderNumber" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "notifyUrl" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "notifyId" TEXT,
    "ackedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE INDEX "Order_userId_createdAt_idx" ON "Order"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_contractId_idx" ON "Order"("contractId");

-- CreateIndex
CREATE INDEX "Order_userId_month_usesFreeSlot_idx" ON "Order"("userId", "month", "usesFreeSlot");

-- CreateIndex
CREATE INDEX "Order_status_expiresAt_idx" ON "Order"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CouponBatch_code_key" ON "CouponBatch"("code");

-- CreateIndex
CREATE INDEX "Coupon_userId_status_idx" ON "Coupon"("userId", "status");

-- CreateIndex
CREATE INDEX "Coupon_batchId_userId_idx" ON "Coupon"("batchId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SaverCard_orderId_key" ON "SaverCard"("orderId");

-- CreateIndex
CREATE INDEX "SaverCard_userId_validTo_idx" ON "SaverCard"("userId", "validTo");

-- CreateIndex
CREATE INDEX "PaymentNotice_notifyId_idx" ON "PaymentNotice"("notifyId");

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "CouponBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

