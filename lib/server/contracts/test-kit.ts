// Shared setup for the contract service tests: real-named people, IOU forms, signing steps.
import { expect } from "vitest";
import { deflateSync } from "node:zlib";
import type { User } from "@prisma/client";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { encrypt } from "@/lib/server/crypto";
import { idHash } from "@/lib/server/identity";
import { idCheckChar, maskId, type IdType } from "@/lib/domain/idcard";
import { formatYmd, shanghaiToday, addDays } from "@/lib/domain/dates";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import type { ActionResult } from "@/lib/server/result";
import { signStart, signFinish, supplementInfo, templateDraftSave } from "./index";
import { contractFee, orderCreate, paymentNoticeHandle, signNotice, sandboxNotice } from "@/lib/server/payments";
import { faceProof } from "@/lib/server/identity/test-kit";

/** The payer approves on the sandbox's page, and its signed notification reaches our handler. */
export async function approveInSandbox(payUrl: string) {
  const id = payUrl.split("/").pop()!;
  const p = await db().sandboxPayment.update({ where: { id }, data: { status: "APPROVED", notifyId: `notify_${id}` } });
  const { headers, body } = signNotice(sandboxNotice(p));
  return paymentNoticeHandle(new Headers(headers), body);
}

/** Pays a draft's fee, when one is due, through the order and the sandbox gateway. */
export async function payContract(user: User, contractId: string, couponId: string | null = null) {
  const c = await db().contract.findUniqueOrThrow({ where: { id: contractId } });
  const { paid, quote } = await contractFee(user.id, c, couponId);
  if (paid || quote.totalFen === 0) return null;
  const order = await orderCreate(user, { purpose: "CONTRACT", contractId, couponId: quote.couponId, expectedTotalFen: quote.totalFen });
  if (!order.ok) throw new Error(JSON.stringify(order));
  if (order.data.payUrl) expect((await approveInSandbox(order.data.payUrl)).status).toBe(200);
  return db().order.findUniqueOrThrow({ where: { id: order.data.orderId } });
}

export const meta = { ip: "10.0.0.9", userAgent: "vitest" };
let n = 0;

function validId(birth: string): string {
  const first17 = `110101${birth}${String(100 + (n % 800)).padStart(3, "0")}`;
  return first17 + idCheckChar(first17);
}

export async function person(name: string, birth = "19900101"): Promise<User> {
  n++;
  const id = validId(birth);
  return db().user.create({
    data: {
      phone: `1870000${String(n).padStart(4, "0")}`,
      realName: name,
      idType: "CN_RESIDENT",
      idNumberEnc: encrypt(id),
      idNumberHash: idHash(id),
      idMasked: maskId(id),
      birthDate: new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`),
      verifiedAt: now(),
    },
  });
}

/** A real 8×4 PNG, as the signature pad would send. */
export function pngDataUrl(): string {
  const crcTable = Array.from({ length: 256 }, (_, k) => {
    let c = k;
    for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  ihdr[9] = 0; // greyscale
  const raw = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 0, 255, 0, 255, 0, 255, 0, 255])));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** The party step of a two-party template as the tests name it: flat counterparty* fields (the service reads them as its one row). */
type FlatParty = { myRole: string; counterpartyFill: "SELF" | "COUNTERPARTY"; counterpartyName: string; counterpartyIdType: IdType; counterpartyIdNumber: string; counterpartyPhone: string };
const flatParty = (myRole: string): FlatParty => ({ myRole, counterpartyFill: "COUNTERPARTY", counterpartyName: "", counterpartyIdType: "CN_RESIDENT", counterpartyIdNumber: "", counterpartyPhone: "" });
const ROW_FIELD: Record<string, string> = { fill: "counterpartyFill", name: "counterpartyName", idType: "counterpartyIdType", idNumber: "counterpartyIdNumber", phone: "counterpartyPhone" };
/** A field error's path in flat names: party.counterparties.0.phone → counterpartyPhone, form.amount → amount. */
export const flatPath = (path: string) => path.replace(/^party\.counterparties\.0\.(\w+)$/, (_, f: string) => ROW_FIELD[f] ?? f).replace(/^(party|form)\./, "");

/** A 借条 as one flat form, as the tests name its answers: the party step's fields and the template's. */
export type IouForm = FlatParty & Record<string, unknown>;
const iouTemplate = () => wizardTemplateById("iou")!;
const PARTY_KEYS = Object.keys(flatParty("LENDER"));

export function iouForm(over: Partial<IouForm> = {}): IouForm {
  const today = shanghaiToday(now());
  return { ...flatParty("LENDER"), ...iouTemplate().emptyForm(today), amount: "5000", purpose: "装修周转", repayDate: formatYmd(addDays(today, 90)), annualRate: "3.5", ...over };
}

/**
 * Saves a 借条 draft through the template wizard's service, with the flat form split into
 * { party, form } and the field errors named back without their prefix (party.counterpartyPhone → counterpartyPhone).
 */
export async function iouDraftSave(user: User, input: { contractId?: string | null; form: IouForm; complete: boolean }): Promise<ActionResult<{ contractId: string }>> {
  const party = Object.fromEntries(Object.entries(input.form).filter(([k]) => PARTY_KEYS.includes(k)));
  const form = Object.fromEntries(Object.entries(input.form).filter(([k]) => !PARTY_KEYS.includes(k)));
  const res = await templateDraftSave(user, { contractId: input.contractId ?? null, templateId: "iou", party, form, complete: input.complete });
  if (res.ok || !res.fieldErrors) return res;
  return { ...res, fieldErrors: Object.fromEntries(Object.entries(res.fieldErrors).map(([k, v]) => [flatPath(k), v])) };
}

export async function versionOf(contractId: string) {
  return (await db().contract.findUniqueOrThrow({ where: { id: contractId } })).version;
}

/** Signs through both steps (signature, then the 模拟 face check). */
export async function sign(user: User, contractId: string, token?: string) {
  const started = await signStart(user, { contractId, version: await versionOf(contractId), token, signature: { png: pngDataUrl() } });
  if (!started.ok) return started;
  return signFinish(user, await faceProof(user, started.data.faceCheckId), meta);
}

export async function initiate(initiator: User, form: IouForm) {
  const draft = await iouDraftSave(initiator, { form, complete: true });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  await payContract(initiator, draft.data.contractId);
  const signed = await sign(initiator, draft.data.contractId);
  expect(signed).toMatchObject({ ok: true });
  const c = await db().contract.findUniqueOrThrow({ where: { id: draft.data.contractId }, include: { parties: true } });
  return { c, recipient: c.parties.find((p) => !p.isInitiator)! };
}

const ids = new Map<string, string>();
export function validIdOf(u: User): string {
  // person() derives the ID from birth date and the counter at creation; rebuild it by search
  const cached = ids.get(u.id);
  if (cached) return cached;
  for (let seq = 100; seq < 900; seq++) {
    const birth = u.birthDate!.toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `110101${birth}${seq}`;
    const id = first17 + idCheckChar(first17);
    if (idHash(id) === u.idNumberHash) {
      ids.set(u.id, id);
      return id;
    }
  }
  throw new Error("id not found");
}

/** An effective IOU between two new people: a lends to b (对方填, b supplements and signs). */
export async function effectiveIou(names: [string, string], over: Partial<IouForm> = {}) {
  const a = await person(names[0]);
  const b = await person(names[1], "19860606");
  const { c, recipient } = await initiate(a, iouForm({ counterpartyPhone: b.phone, ...over }));
  expect((await supplementInfo(b, { token: recipient.inviteToken, version: await versionOf(c.id) }, meta)).ok).toBe(true);
  expect(await sign(b, c.id, recipient.inviteToken!)).toMatchObject({ ok: true });
  return { a, b, contractId: c.id };
}
