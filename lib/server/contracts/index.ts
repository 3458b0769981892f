import "server-only";
// Registers the contract jobs (expiry, repayment reminders) wherever the services load.
import "./jobs";

export { signStart, signFinish, claimStart, supplementInfo, rejectContract, initiatorAction } from "./signing";
export { setRepayReminder, remindersOf } from "./jobs";
export { listFolder, FOLDER_PAGE_SIZE } from "./folder";
export { documentFor } from "./document";
export { renderDocumentPdf } from "./pdf";
export { signLink } from "./effects";
export { contractForViewer, maySeeSignature } from "./view";
export { frozenHold } from "./hold";
export { endRequest, endAnswer, endVerified } from "./end-request";
export { contractEmail, EMAIL_SENDS_PER_HOUR } from "./email";
export { ownDraftSave, ownFieldsSave, ownFacts, shownFields } from "./own-file";
export { templateDraftSave, templateDraftFor, templateInitiate, templateInitiatorError } from "./template";
export { sendsWithoutSigning } from "@/lib/domain/contract-kind";
export { openFacts } from "./facts-seal";
export * from "./audit";
export * from "./email";
export * from "./facts-seal";
export * from "./folder";
export * from "./own-file";
export * from "./signing";
export * from "./template-facts";
export * from "./transition";
