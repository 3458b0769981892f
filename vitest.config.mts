import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: pure domain rules (unit) and server services against a fresh database (int).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/server-only-stub.ts") } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/domain/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["lib/server/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/int-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
