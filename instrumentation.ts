// Starts the job runner (outbox delivery, documents, scheduled work) inside the Node.js server process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config, devProvidersActive } = await import("@/lib/server/config");
  // a deployment signs with provisioned keys shared by every instance, never with keys made here
  const { pkiProvisioned, PKI_MISSING, tsaUrls, TSA_MISSING } = await import("@/lib/server/pki");
  if (!devProvidersActive() && !pkiProvisioned()) throw new Error(`${PKI_MISSING}（PKI_DIR=${config.pkiDir}）`);
  if (!devProvidersActive() && tsaUrls().length === 0) throw new Error(TSA_MISSING);
  // a real SMS gateway sends approved templates only: one without its id could never be sent
  const { smsConfigProblems } = await import("@/lib/server/notify");
  const sms = smsConfigProblems();
  if (sms.length) throw new Error(`短信服务配置不完整（SMS_PROVIDER=${config.smsProvider}）：${sms.join("；")}`);
  // a real face provider without its key or RuleId could never complete a check
  const { faceConfigProblems } = await import("@/lib/server/identity");
  const face = faceConfigProblems();
  if (face.length) throw new Error(`人脸核身服务配置不完整（FACE_PROVIDER=${process.env.FACE_PROVIDER}）：${face.join("；")}`);
  // a real payment gateway without its keys could never take a payment or verify a notification
  const { paymentConfigProblems } = await import("@/lib/server/payments");
  const pay = paymentConfigProblems();
  if (pay.length) throw new Error(`支付配置不完整（PAY_GATEWAY=${process.env.PAY_GATEWAY}）：${pay.join("；")}`);
  if (!config.jobsEnabled) return;
  await import("@/lib/server/notify"); // registers the outbox job
  await import("@/lib/server/contracts"); // registers expiry and repayment reminders
  const { failOrphanConversions } = await import("@/lib/server/files"); // registers office conversion
  await import("@/lib/server/evidence"); // registers report generation
  await import("@/lib/server/payments"); // registers order expiry, the query job, refunds and the sandbox's notifications
  const { scheduleCleanup } = await import("@/lib/server/jobs/maintenance"); // registers the daily cleanup
  const { scheduleLtvRenew } = await import("@/lib/server/evidence"); // registers 长期验证续期
  const { recoverOrphanJobs, startWorker } = await import("@/lib/server/jobs");
  // what a crashed or killed process of this host left half done is resumed or failed, never stuck
  const requeued = await recoverOrphanJobs();
  const failed = await failOrphanConversions();
  if (requeued || failed) (await import("@/lib/server/log")).log().info({ requeued, failed }, "start-up: interrupted jobs requeued, stuck uploads failed");
  await scheduleCleanup();
  await scheduleLtvRenew();
  startWorker();
}
