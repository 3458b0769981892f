// Starts the job runner (outbox delivery, scheduled work) inside the Node.js server process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("@/lib/server/config");
  if (!config.jobsEnabled) return;
  await import("@/lib/server/notify"); // registers the outbox job
  await import("@/lib/server/contracts"); // registers expiry and repayment reminders
  await import("@/lib/server/files/uploads"); // registers office conversion
  await import("@/lib/server/evidence/report"); // registers report generation
  await import("@/lib/server/payments"); // registers order expiry, refunds and the sandbox's notifications
  const { startWorker } = await import("@/lib/server/jobs");
  startWorker();
}
