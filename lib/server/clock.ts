import "server-only";

// The server's notion of "now". Tests and the development tools can move it forward
// (e.g. to let a pending contract expire); production never sets an offset.
const g = globalThis as unknown as { __clockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (g.__clockOffsetMs ?? 0));
}

export function setClockOffset(ms: number): void {
  g.__clockOffsetMs = ms;
}

export function clockOffset(): number {
  return g.__clockOffsetMs ?? 0;
}
