// Prepares the database before the server starts: applies migrations, loads the demo data on
// first start (embedded database by default; with DATABASE_URL or NODE_ENV=production only when
// SEED_DEMO=true), prints the demo logins or where to create the first organisation. Runs as its
// own process so the embedded database is closed before Next opens it.
import {
  databaseTargetFromEnv,
  organisationCount,
  organisationExists,
  prepareDatabase,
} from "../server/data/database/setup";
import { demoLogins, DEMO_ORGANISATIONS } from "../prisma/demo-data";
import { seedDemo } from "../prisma/seed";
import { playDemoActivity } from "../server/api/demo-activity";
import { demoWanted } from "../server/domain/demo-policy";
import { sealLegacyAuditEvents } from "../server/data/audit/chain";

const args = new Set(process.argv.slice(2));
const target = databaseTargetFromEnv();
const where = target.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite at ${target.dataDir}`;

const started = Date.now();
const { database, applied } = await prepareDatabase(target);
console.log(`[db] ${where}: ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);

try {
  const seedWanted = demoWanted({
    seedDemo: process.env.SEED_DEMO,
    nodeEnv: process.env.NODE_ENV,
    database: target.kind,
  });
  const force = args.has("--seed");
  if (!args.has("--no-seed") && (force || (seedWanted && (await organisationCount()) === 0))) {
    const { created } = await seedDemo();
    console.log(`[db] demo data: ${created.length ? `loaded ${created.join(", ")}` : "already present"}`);
    // the scenario in motion (approved, invoiced, paid; verified awaiting approval) for a new demo
    if (created.includes("northwind")) await playDemoActivity();
  }
  const demoSlug = DEMO_ORGANISATIONS[0]?.slug;
  if (demoSlug && (await organisationExists(demoSlug))) {
    console.log("[db] demo logins:");
    for (const login of demoLogins())
      console.log(
        `       ${login.email.padEnd(26)} ${login.password.padEnd(16)} ${login.role.padEnd(9)} ${login.organisation}`,
      );
  }
  // events written before the audit chain was keyed get their MACs once (docs/adr/0013)
  const sealing = await sealLegacyAuditEvents();
  for (const done of sealing.sealed)
    console.log(
      `[audit] sealed ${done.events} earlier events of organisation ${done.organisationId} with the audit key`,
    );
  for (const refused of sealing.refused)
    console.warn(
      `[audit] WARNING: organisation ${refused.organisationId}: ${refused.reason}; run npm run audit:verify`,
    );
  if ((await organisationCount()) === 0)
    console.log("[db] no organisation yet: open /setup in the browser to create the first one and its owner");
  console.log(`[db] ready in ${Date.now() - started} ms`);
} finally {
  await database.close();
}
