// npm run bench:templates — each template's sample rendered to PDF (warm), as a table of p50/p95,
// next to the 借条 in the same run. Prints; asserts nothing.
import { test } from "vitest";
import { renderContractPdf } from "@/lib/server/pdf";
import { iou as iouTemplate } from "@/lib/domain/templates/iou";
import { addDays, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { TEMPLATES } from "@/lib/domain/templates/registry";
import type { ContractDocument } from "@/lib/domain/templates/document";
import { row, timeRuns } from "./stats.mts";

test("bench:templates", async () => {
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  const today = shanghaiToday(new Date());
  const iou = iouTemplate.document(
    iouTemplate.facts(iouTemplate.schema({ today }).parse({ ...iouTemplate.emptyForm(today), amount: "128000.50", purpose: "装修周转", repayDate: formatYmd(addDays(today, 180)), supplement: true, overdueRate: "8", lenderAddress: "北京市东城区示例路1号", borrowerAddress: "上海市黄浦区示例路2号", court: "LENDER" })),
    [
      { role: "LENDER", name: "张出借", idMasked: "1101**********1234" },
      { role: "BORROWER", name: "李借款", idMasked: "3101**********5678" },
    ],
    { number: "BENCH" },
  );
  const docs: [string, ContractDocument][] = [["借条 (baseline)", iou]];
  for (const t of TEMPLATES) {
    docs.push([t.name, t.document(t.facts(t.sample(today)), t.roles.map((r, i) => ({ role: r.key, name: i ? "李四" : "张三", idMasked: "1101**********000X" })), { number: "BENCH" })]);
  }
  await renderContractPdf(iou, new Map()); // fonts load once
  console.log(`warm PDF render per template, ${runs} runs each`);
  for (const [name, doc] of docs) console.log(row(name, await timeRuns(runs, () => renderContractPdf(doc, new Map()))));
});
