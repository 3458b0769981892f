// npm run bench:pdf — the IOU PDF: the first render in a fresh process (font loading included),
// then warm renders, and stamping the 已结清 version onto a signed PDF. Prints; asserts nothing.
import { performance } from "node:perf_hooks";
import { renderContractPdf, renderEndedPdf } from "@/lib/server/pdf";
import { iou } from "@/lib/domain/templates/iou";
import { addDays, formatYmd, shanghaiToday } from "@/lib/domain/dates";
import { test } from "vitest";
import { row, timeRuns } from "./stats.mts";

test("bench:pdf", async () => {
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const today = shanghaiToday(new Date());
  const form = { ...iou.emptyForm(today), amount: "128000.50", purpose: "装修周转", repayDate: formatYmd(addDays(today, 180)), annualRate: "6", supplement: true, overdueRate: "8", lenderAddress: "北京市东城区示例路1号", borrowerAddress: "上海市黄浦区示例路2号", court: "LENDER" };
  const doc = iou.document(
    iou.facts(iou.schema({ today }).parse(form)),
    [
      { role: "LENDER", name: "张出借", idMasked: "1101**********1234" },
      { role: "BORROWER", name: "李借款", idMasked: "3101**********5678" },
    ],
    { number: "BENCH-0001", initiatedOn: formatYmd(today) },
  );
  const images = new Map<string, Uint8Array>();

  const t0 = performance.now();
  const first = await renderContractPdf(doc, images);
  const firstMs = performance.now() - t0;
  const warm = await timeRuns(runs, () => renderContractPdf(doc, images));
  const record = {
    stamp: "已结清",
    heading: "结清确认书",
    statement: "本借条项下债务已经双方确认结清，本借条不再作为债权凭证。",
    contractTitle: "借条",
    contractNumber: "BENCH-0001",
    reason: "借款本金及利息已全部还清",
    requester: "借款人 李借款",
    confirmer: "出借人 张出借",
    signedSha256: "0".repeat(64),
  };
  const ended = await timeRuns(runs, () => renderEndedPdf(first, record));

  console.log(`IOU PDF (${first.length} bytes), ${runs} warm runs`);
  console.log(`${"first render (fonts loaded)".padEnd(44)} ${firstMs.toFixed(1)} ms`);
  console.log(row("warm render", warm));
  console.log(row("已结清 version (stamp + record page)", ended));
});
