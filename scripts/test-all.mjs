// npm run test:all — every suite, in order: lint, types, unit, integration (PGlite and
// PostgreSQL when reachable), production build, Playwright e2e in Debian Chromium.
import { bin, run, step } from "./lib.mjs";

const started = Date.now();
step("Prisma client");
await run(bin("prisma"), ["generate"]);
step("Lint");
await run(bin("eslint"), ["."]);
step("Types");
await run(bin("tsc"), ["--noEmit"]);
step("Unit tests");
await run(bin("vitest"), ["run", "--project", "unit"]);
step("Integration tests");
await run("node", ["scripts/test-int.mjs"]);
step("Production build");
await run(bin("next"), ["build"]);
step("End-to-end tests");
await run("node", ["scripts/test-e2e.mjs"]);
console.log(`\ntest:all passed in ${Math.round((Date.now() - started) / 1000)}s`);
