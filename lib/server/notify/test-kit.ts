import { db } from "@/lib/server/db";
import { runDueJobs } from "@/lib/server/jobs";
import "./index";

/** Tests: delivers the queued messages and reads the newest code the simulated handset / mailbox got. */
export async function deliveredCode(to: string): Promise<string> {
  while ((await runDueJobs(50, "messages")) > 0);
  const d = await db().simulatedDelivery.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return d.body.match(/(\d{6})/)![1]!;
}
