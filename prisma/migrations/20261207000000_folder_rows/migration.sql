-- 文件夹 rows say what each contract is (#20 item 11): its number, amount, 对方 (待对方填写 while
-- theirs to enter), what it waits for from this user's side, and whether 催办 applies.
ALTER TABLE "FolderEntry" ADD COLUMN "number" TEXT NOT NULL DEFAULT '',
ADD COLUMN "amountFen" INTEGER,
ADD COLUMN "counterparty" TEXT NOT NULL DEFAULT '',
ADD COLUMN "waitingFor" TEXT,
ADD COLUMN "mayUrge" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "contractVersion" INTEGER NOT NULL DEFAULT 0;

-- What the contract row holds as it is
UPDATE "FolderEntry" f
SET "number" = c."number", "amountFen" = c."amountFen", "counterparty" = f."counterpartyNames", "contractVersion" = c."version"
FROM "Contract" c
WHERE c."id" = f."contractId";

-- The rest (待对方填写, waitingFor, mayUrge) follows the application's rules: one job (folder.resync)
-- re-syncs every contract's rows with them, in batches, once the app runs.
INSERT INTO "Job" ("id", "name", "payload", "uniqueKey")
SELECT 'folder-rows-backfill', 'folder.resync', '{}'::jsonb, 'folder-rows-backfill'
WHERE EXISTS (SELECT 1 FROM "FolderEntry");
