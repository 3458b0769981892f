import type { CSSProperties, ReactNode } from "react";
import { FIELD_LABELS, type FieldKind } from "@/lib/domain/own-file";

/** One colour per signer, so a page shows at a glance whose field is whose. */
export const SIGNER_TONES = [
  { ring: "border-brand-500", bg: "bg-brand-500/10", text: "text-brand-700", chip: "bg-brand-500" },
  { ring: "border-amber-500", bg: "bg-amber-500/10", text: "text-amber-700", chip: "bg-amber-500" },
  { ring: "border-emerald-500", bg: "bg-emerald-500/10", text: "text-emerald-700", chip: "bg-emerald-500" },
  { ring: "border-fuchsia-500", bg: "bg-fuchsia-500/10", text: "text-fuchsia-700", chip: "bg-fuchsia-500" },
  { ring: "border-sky-500", bg: "bg-sky-500/10", text: "text-sky-700", chip: "bg-sky-500" },
] as const;
export const toneOf = (seq: number) => SIGNER_TONES[seq % SIGNER_TONES.length]!;

export type Rect = { x: number; y: number; w: number; h: number };
export const rectStyle = (r: Rect): CSSProperties => ({ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` });

/** A field drawn over a page: dashed in its signer's colour, or filled once signed. */
export function FieldBox({
  rect,
  partySeq,
  kind,
  owner,
  mine = true,
  children,
  className = "",
  ...rest
}: {
  rect: Rect;
  partySeq: number;
  kind: FieldKind;
  owner: string;
  mine?: boolean;
  children?: ReactNode;
  className?: string;
} & React.HTMLAttributes<HTMLDivElement>) {
  const tone = toneOf(partySeq);
  return (
    <div
      {...rest}
      data-field-kind={kind}
      data-party-seq={partySeq}
      style={rectStyle(rect)}
      className={`absolute flex items-center justify-center overflow-hidden rounded border-2 text-[11px] leading-tight ${mine ? `${tone.ring} ${tone.bg}` : "border-dashed border-slate-300 bg-slate-100/40"} ${className}`}
    >
      {children ?? (
        <span className={`pointer-events-none truncate px-1 ${mine ? tone.text : "text-slate-400"}`}>
          {owner}·{FIELD_LABELS[kind]}
        </span>
      )}
    </div>
  );
}
