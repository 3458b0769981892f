import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { User } from "@prisma/client";
import { db, type Tx } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { config } from "@/lib/server/config";

// 指纹 / 面容 ID: WebAuthn platform credentials with user verification required. The relying
// party is our own origin; on a loopback address the browser only accepts "localhost" as RP ID.

export function relyingParty(): { rpID: string; origins: string[] } {
  const url = new URL(config.appUrl);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "[::1]" || url.hostname === "localhost";
  if (!loopback) return { rpID: url.hostname, origins: [url.origin] };
  const port = url.port ? `:${url.port}` : "";
  return { rpID: "localhost", origins: [`${url.protocol}//localhost${port}`, url.origin] };
}

const transportsOf = (t: string[]) => t as AuthenticatorTransportFuture[];

export function activeCredentials(userId: string, tx: Tx = db()) {
  return tx.webAuthnCredential.findMany({ where: { userId, deletedAt: null }, orderBy: { createdAt: "asc" } });
}

export async function registrationOptions(user: User): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await activeCredentials(user.id);
  return generateRegistrationOptions({
    rpName: "个人电子签",
    rpID: relyingParty().rpID,
    userName: user.phone,
    userDisplayName: user.realName ?? user.phone,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c.transports) })),
    authenticatorSelection: { authenticatorAttachment: "platform", residentKey: "preferred", userVerification: "required" },
  });
}

/** Checks an attestation against the challenge we issued; returns the credential to keep, or null. */
export async function verifyRegistration(response: RegistrationResponseJSON, expectedChallenge: string) {
  const rp = relyingParty();
  try {
    const v = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp.origins, expectedRPID: rp.rpID, requireUserVerification: true });
    if (!v.verified) return null;
    const c = v.registrationInfo.credential;
    return { credentialId: c.id, publicKey: Buffer.from(c.publicKey).toString("base64url"), counter: c.counter, transports: c.transports ?? [] };
  } catch {
    return null;
  }
}

export async function authenticationOptions(userId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const creds = await activeCredentials(userId);
  if (creds.length === 0) return null;
  return generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: creds.map((c) => ({ id: c.credentialId, transports: transportsOf(c.transports) })),
    userVerification: "required",
  });
}

/**
 * Verifies an assertion for this user against the issued challenge, our origin and the stored
 * signature counter (a counter that does not move forward means a cloned authenticator).
 * The new counter is written in the caller's transaction, conditional on the old one.
 */
export async function verifyAssertion(tx: Tx, userId: string, response: AuthenticationResponseJSON, expectedChallenge: string): Promise<boolean> {
  const cred = await tx.webAuthnCredential.findFirst({ where: { credentialId: response.id, userId, deletedAt: null } });
  if (!cred) return false;
  const rp = relyingParty();
  try {
    const v = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: { id: cred.credentialId, publicKey: new Uint8Array(Buffer.from(cred.publicKey, "base64url")), counter: cred.counter, transports: transportsOf(cred.transports) },
    });
    if (!v.verified) return false;
    const moved = await tx.webAuthnCredential.updateMany({
      where: { id: cred.id, counter: cred.counter },
      data: { counter: v.authenticationInfo.newCounter, lastUsedAt: now() },
    });
    return moved.count === 1;
  } catch {
    return false;
  }
}
