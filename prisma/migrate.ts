// `npm run db:migrate` (and the start commands): brings the configured database up to date.
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { config, usesPostgresServer } from "@/lib/server/config";
import { applyMigrations, pgliteRunner, pgRunner, type SqlRunner } from "@/lib/server/db/migrations";
import { sealStoredFacts } from "@/lib/server/contracts/facts-seal";
import { migrateLegacyIouFacts } from "@/lib/server/contracts/template-facts";

/** SQL migrations, then the data steps that need the application's keys. */
async function migrate(sql: SqlRunner, where: string) {
  report(await applyMigrations(sql), where);
  const sealed = await sealStoredFacts(sql);
  if (sealed) console.log(`migrate: sealed the ID numbers kept in clear in ${sealed} contract(s)`);
  const ious = await migrateLegacyIouFacts(sql);
  if (ious) console.log(`migrate: ${ious} 借条 now stored as a template's { party, form }`);
}

async function main() {
  if (usesPostgresServer()) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await migrate(pgRunner(client), "PostgreSQL");
    } finally {
      await client.end();
    }
    return;
  }
  const dir = path.join(config.dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const lite = new PGlite(dir);
  try {
    await migrate(pgliteRunner(lite), `PGlite (${dir})`);
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
