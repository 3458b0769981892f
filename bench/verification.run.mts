// npm run bench:verification — what a signing-password check costs (scrypt, deliberately slow so a
// stolen hash cannot be walked through the million six-digit candidates), next to SHA-256 of the
// same input as the floor, and a WebAuthn assertion check (ES256). Prints; asserts nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "vitest";
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { row, timeRuns } from "./stats.mts";

test("bench:verification", async () => {
  process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "bench-verify-"));
  const { hashSignPassword } = await import("@/lib/server/identity");
  const { softAuthenticator } = await import("@/lib/server/identity/test-authenticator");
  const runs = Number(process.env.BENCH_RUNS ?? 20);

  const floor = await timeRuns(runs, async () => createHash("sha256").update("135790").digest());
  const hash = await timeRuns(runs, () => hashSignPassword("135790"));

  const origin = "http://localhost:3000";
  const device = softAuthenticator(origin);
  const reg = device.register({ challenge: "Y2hhbGxlbmdl", rp: { id: "localhost", name: "bench" }, user: { id: "dQ", name: "u", displayName: "u" }, pubKeyCredParams: [] });
  const { verifyRegistrationResponse } = await import("@simplewebauthn/server");
  const registered = await verifyRegistrationResponse({ response: reg, expectedChallenge: "Y2hhbGxlbmdl", expectedOrigin: origin, expectedRPID: "localhost" });
  if (!registered.verified) throw new Error("registration failed");
  const cred = registered.registrationInfo.credential;
  let counter = cred.counter;
  const assert = await timeRuns(runs, async () => {
    const response = device.assert({ challenge: "Y2hhbGxlbmdl", rpId: "localhost" });
    const v = await verifyAuthenticationResponse({ response, expectedChallenge: "Y2hhbGxlbmdl", expectedOrigin: origin, expectedRPID: "localhost", credential: { ...cred, counter } });
    counter = v.authenticationInfo.newCounter;
  });

  console.log(`\n${runs} runs each`);
  console.log(row("SHA-256 of the password (floor)", floor));
  console.log(row("scrypt N=2^15 (set or check 签署密码)", hash));
  console.log(row("WebAuthn assertion check (ES256)", assert));
});
