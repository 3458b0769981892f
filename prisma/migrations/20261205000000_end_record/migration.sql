-- 结清确认书 / 解除确认书 kept as their own sealed document
ALTER TABLE "Contract" ADD COLUMN "endRecordSha256" TEXT;


-- when the current PDF's long-term-validation stamp was made (null: before long-term validation)
ALTER TABLE "Contract" ADD COLUMN "ltvAt" TIMESTAMP(3);
