-- 结清确认书 / 解除确认书 kept as their own sealed document
ALTER TABLE "Contract" ADD COLUMN "endRecordSha256" TEXT;

