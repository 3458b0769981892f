// Small timing helpers shared by the benchmarks: they print figures and assert nothing.
import { performance } from "node:perf_hooks";

export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

export function pct(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function row(label: string, ms: number[]): string {
  return `${label.padEnd(44)} n=${String(ms.length).padStart(4)}  p50 ${pct(ms, 50).toFixed(2).padStart(8)} ms  p95 ${pct(ms, 95).toFixed(2).padStart(8)} ms`;
}
