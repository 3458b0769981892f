import "server-only";
import type { Contract, Party } from "@prisma/client";
import { formatShanghaiDateTime, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { iouDocument } from "@/lib/domain/templates/iou";
import type { ContractDocument } from "@/lib/domain/templates/document";
import type { IouRole } from "@/lib/domain/iou";
import { iouFactsFromForm, type IouForm } from "@/lib/validation/iou";
import { wizardTemplateById } from "@/lib/domain/templates/registry";
import { ID_NUMBER_LABELS } from "@/lib/domain/account-labels";
import { openFacts } from "./facts-seal";

type PartyView = Pick<Party, "seq" | "role" | "name" | "idMasked" | "signatureSha256" | "signedAt" | "status" | "isInitiator"> & Partial<Pick<Party, "idType">>;

/** 收据: the payer's confirmation (or the wait for it) stands where a signature would. */
function confirmationNote(kind: string, p: PartyView): string | undefined {
  if (p.status === "CONFIRMED" && p.signedAt) return `${p.isInitiator ? "已确认开具" : "已确认领取"} ${formatShanghaiDateTime(p.signedAt)}`;
  if (kind === "receipt" && p.role === "PAYER" && !p.isInitiator && p.status !== "REJECTED") return "待领取";
  return undefined;
}

/** The clause source of a contract, for the preview and the PDF alike. */
export function documentFor(c: Pick<Contract, "kind" | "number" | "facts" | "initiatedAt">, parties: PartyView[]): ContractDocument {
  const ordered = [...parties].sort((a, b) => a.seq - b.seq);
  const meta = { number: c.number, initiatedOn: c.initiatedAt ? formatYmd(shanghaiToday(c.initiatedAt)) : undefined };
  switch (c.kind) {
    case "iou":
      return iouDocument(
        iouFactsFromForm(openFacts<IouForm>(c.facts)),
        ordered.map((p) => ({
          role: p.role as IouRole,
          name: p.name ?? "",
          idLabel: ID_NUMBER_LABELS[p.idType ?? "CN_RESIDENT"],
          idMasked: p.idMasked ?? "",
          signatureSha256: p.signatureSha256 ?? undefined,
          signedAt: p.signedAt ? formatShanghaiDateTime(p.signedAt) : undefined,
        })),
        meta,
      );
    default: {
      const t = wizardTemplateById(c.kind);
      if (!t) throw new Error(`unknown contract kind ${c.kind}`);
      const facts = openFacts<{ form?: unknown } | null>(c.facts) ?? {};
      return t.document(
        t.facts(t.read(facts.form)),
        ordered.map((p) => ({
          role: p.role,
          name: p.name ?? "",
          idMasked: p.idMasked ?? "",
          signatureSha256: p.signatureSha256 ?? undefined,
          signedAt: p.signedAt ? formatShanghaiDateTime(p.signedAt) : undefined,
          note: confirmationNote(c.kind, p),
        })),
        meta,
      );
    }
  }
}
