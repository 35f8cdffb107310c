import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError, readMigrations } from "./migrate";
import { pgliteRunner, postgresRunner, type SqlRunner } from "./sql-runner";
import { testDatabaseKinds, withDatabase } from "../testing";

async function freshRunner(kind: "pglite" | "postgres"): Promise<{ runner: SqlRunner; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const runner = pgliteRunner(new PGlite(), true);
    return { runner, drop: () => runner.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `tollgate_migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await postgresRunner(adminUrl);
  await admin.exec(`CREATE DATABASE ${name}`);
  const runner = await postgresRunner(withDatabase(adminUrl, name));
  return {
    runner,
    async drop() {
      await runner.close();
      await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

describe.each(testDatabaseKinds())("migrations on %s", (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function copyOfMigrations(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "tollgate-migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    return dir;
  }

  it("apply once, record Prisma-compatible checksums, and are idempotent", async () => {
    const { runner, drop } = await freshRunner(kind);
    cleanups.push(drop);
    const migrations = await readMigrations();
    expect((await applyMigrations(runner)).applied).toEqual(migrations.map((m) => m.name));
    expect((await applyMigrations(runner)).applied).toEqual([]);
    const rows = await runner.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    const tables = await runner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' ` +
        `AND table_name IN ('Engagement', 'Milestone', 'AuditEvent', 'ApiToken')`,
    );
    expect(tables[0]?.n).toBe(4);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const { runner, drop } = await freshRunner(kind);
    cleanups.push(drop);
    const dir = await copyOfMigrations();
    await applyMigrations(runner, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(runner, dir)).rejects.toThrow(MigrationError);
  });

  it("roll a failing migration back completely", async () => {
    const { runner, drop } = await freshRunner(kind);
    cleanups.push(drop);
    const dir = await copyOfMigrations();
    await applyMigrations(runner, dir);
    const broken = path.join(dir, "99999999999999_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";`);
    await expect(applyMigrations(runner, dir)).rejects.toThrow(/99999999999999_broken failed and was rolled back/);
    const half = await runner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`,
    );
    expect(half[0]?.n).toBe(0);
  });
});
