// `npm run db:migrate` (and the start commands): brings the configured database up to date.
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { config, usesPostgresServer } from "@/lib/server/config";
import { applyMigrations, pgliteRunner, pgRunner } from "@/lib/server/db/migrations";

async function main() {
  if (usesPostgresServer()) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      report(await applyMigrations(pgRunner(client)), "PostgreSQL");
    } finally {
      await client.end();
    }
    return;
  }
  const dir = path.join(config.dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const lite = new PGlite(dir);
  try {
    report(await applyMigrations(pgliteRunner(lite)), `PGlite (${dir})`);
  } finally {
    await lite.close();
  }
}

function report(ran: string[], where: string) {
  console.log(ran.length ? `migrate: applied ${ran.join(", ")} to ${where}` : `migrate: ${where} is up to date`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
