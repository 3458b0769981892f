import "server-only";
import { now } from "@/lib/server/clock";
import { platformPki } from "./ca";
import { issueTimeStampToken, type TimeStampAuthority } from "./cms";

/** The built-in TSA: the platform's own time-stamping certificate under the same root. */
class PlatformTsa implements TimeStampAuthority {
  readonly name = "platform-tsa";
  async timestamp(imprint: Uint8Array): Promise<Uint8Array> {
    const { tsa, ca } = await platformPki();
    return issueTimeStampToken(imprint, tsa, [ca.cert], now());
  }
}

let current: TimeStampAuthority | null = null;
/** An external RFC 3161 service would implement the same interface (configured here). */
export function timeStampAuthority(): TimeStampAuthority {
  return (current ??= new PlatformTsa());
}
