import path from "node:path";
import { defineConfig } from "vitest/config";

// The benchmarks run in vitest only to share the app's module resolution (ESM-only packages
// such as @react-pdf, the "@/" alias, the server-only stub). They print figures; they are not
// part of the test suite.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, ".."), "server-only": path.resolve(import.meta.dirname, "../tests/server-only-stub.ts") } },
  test: {
    include: ["bench/**/*.run.mts"],
    environment: "node",
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ["dot"],
    silent: false,
  },
});
