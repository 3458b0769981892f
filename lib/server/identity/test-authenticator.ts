// A software platform authenticator for the service tests: ES256 keys from node:crypto, "none"
// attestation, user verification set, and a signature counter that moves forward on each use.
// The browser tests use Chromium's virtual authenticator instead.
import crypto from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

const sha256 = (b: Uint8Array | string) => crypto.createHash("sha256").update(b).digest();
const FLAGS_UP_UV_AT = 0x01 | 0x04 | 0x40;
const FLAGS_UP_UV = 0x01 | 0x04;

export function softAuthenticator(origin: string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = crypto.randomBytes(16);
  let counter = 0;

  const clientData = (type: string, challenge: string, at = origin) => Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }));
  const counterBytes = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };

  return {
    credentialId: isoBase64URL.fromBuffer(credentialId),
    register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
      const cose = new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
      ]);
      const idLen = Buffer.alloc(2);
      idLen.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([sha256(options.rp.id!), Buffer.from([FLAGS_UP_UV_AT]), counterBytes(counter), Buffer.alloc(16), idLen, credentialId, Buffer.from(isoCBOR.encode(cose))]);
      const attestationObject = isoCBOR.encode(new Map<string, string | Map<string, string> | Uint8Array>([["fmt", "none"], ["attStmt", new Map<string, string>()], ["authData", new Uint8Array(authData)]]));
      const id = isoBase64URL.fromBuffer(credentialId);
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientData("webauthn.create", options.challenge)),
          attestationObject: isoBase64URL.fromBuffer(attestationObject),
          transports: ["internal"],
        },
        authenticatorAttachment: "platform",
      };
    },
    /** An assertion; `tamper` makes the kinds of wrong ones a relying party must refuse. */
    assert(options: PublicKeyCredentialRequestOptionsJSON, tamper: { challenge?: string; origin?: string; counter?: number } = {}): AuthenticationResponseJSON {
      counter = tamper.counter ?? counter + 1;
      const authData = Buffer.concat([sha256(options.rpId!), Buffer.from([FLAGS_UP_UV]), counterBytes(counter)]);
      const cd = clientData("webauthn.get", tamper.challenge ?? options.challenge, tamper.origin ?? origin);
      const signature = crypto.sign("sha256", Buffer.concat([authData, sha256(cd)]), privateKey);
      const id = isoBase64URL.fromBuffer(credentialId);
      return {
        id,
        rawId: id,
        type: "public-key",
        clientExtensionResults: {},
        response: { clientDataJSON: isoBase64URL.fromBuffer(cd), authenticatorData: isoBase64URL.fromBuffer(authData), signature: isoBase64URL.fromBuffer(signature) },
        authenticatorAttachment: "platform",
      };
    },
  };
}
