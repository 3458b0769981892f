import "server-only";
import type { Contract, Party } from "@prisma/client";
import { formatShanghaiDateTime, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import type { ContractDocument } from "@/lib/domain/templates/document";
import { counterpartyClaims } from "@/lib/domain/contract-kind";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { ID_NUMBER_LABELS } from "@/lib/domain/account-labels";
import { templateFactsOf } from "./template-facts";

type PartyView = Pick<Party, "seq" | "role" | "name" | "idMasked" | "signatureSha256" | "signedAt" | "status" | "isInitiator"> & Partial<Pick<Party, "idType">>;

/** A confirmation (确认开具 / 确认领取), or the wait for a claim, stands where a signature would. */
function confirmationNote(claims: boolean, p: PartyView): string | undefined {
  if (p.status === "CONFIRMED" && p.signedAt) return `${p.isInitiator ? "已确认开具" : "已确认领取"} ${formatShanghaiDateTime(p.signedAt)}`;
  if (claims && !p.isInitiator && p.status !== "REJECTED") return "待领取";
  return undefined;
}

/** The clause source of a template contract, for the preview and the PDF alike. */
export function documentFor(c: Pick<Contract, "kind" | "number" | "facts" | "initiatedAt">, parties: PartyView[]): ContractDocument {
  const t = wizardTemplateById(c.kind);
  if (!t) throw new Error(`unknown contract kind ${c.kind}`);
  const ordered = [...parties].sort((a, b) => a.seq - b.seq);
  const meta = { number: c.number, initiatedOn: c.initiatedAt ? formatYmd(shanghaiToday(c.initiatedAt)) : undefined };
  const claims = counterpartyClaims(c.kind, ordered.find((p) => p.isInitiator)?.role);
  return t.document(
    t.facts(t.read(templateFactsOf(c.facts)?.form)),
    ordered.map((p) => ({
      role: p.role,
      name: p.name ?? "",
      idLabel: ID_NUMBER_LABELS[p.idType ?? "CN_RESIDENT"],
      idMasked: p.idMasked ?? "",
      signatureSha256: p.signatureSha256 ?? undefined,
      signedAt: p.signedAt ? formatShanghaiDateTime(p.signedAt) : undefined,
      note: confirmationNote(claims, p),
    })),
    meta,
  );
}
