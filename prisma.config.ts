// Prisma CLI configuration (DESIGN §7): migrations run on the wasm schema engine through a
// driver adapter, so no native engine is ever downloaded.
import path from "node:path";
import fs from "node:fs";
import type { PrismaConfig } from "prisma";

// Any existing file stops the CLI from trying to download engines it does not need.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");
// The schema's datasource needs a URL; with none set, the embedded database is used.
const PGLITE = "postgresql://pglite/local";
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = PGLITE;

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL ?? "";
    if (url === PGLITE || !/^postgres(ql)?:\/\//.test(url)) {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      const dataDir = path.resolve(process.env.DATA_DIR || ".data", "pglite");
      fs.mkdirSync(dataDir, { recursive: true });
      return new PrismaPGlite(new PGlite(dataDir));
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: url });
  },
} satisfies PrismaConfig;
