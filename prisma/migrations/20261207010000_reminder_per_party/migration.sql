-- 还款提醒 becomes each person's own choice (#20 item 16): the switch reminds 您本人, not the other side.
ALTER TABLE "Party" ADD COLUMN "repayReminder" BOOLEAN NOT NULL DEFAULT false;

-- The contract-wide switch reminded the party its reminders were addressed to (the 借条's borrower,
-- the only kind with reminders): that person keeps their reminder.
UPDATE "Party" p
SET "repayReminder" = true
FROM "Contract" c
WHERE c."id" = p."contractId" AND c."repayReminder" AND c."kind" = 'iou' AND p."role" = 'BORROWER';

ALTER TABLE "Contract" DROP COLUMN "repayReminder";
