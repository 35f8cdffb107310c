import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { DatabaseTarget } from "../../db";

// A raw SQL connection for what Prisma's driver adapters do poorly: multi-statement migration
// scripts (the adapters split on every ';') and database administration in tests.
export interface SqlRunner {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements in one round trip. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function pgliteRunner(db: PGlite, ownsConnection: boolean): SqlRunner {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      if (ownsConnection && !db.closed) await db.close();
    },
  };
}

export async function postgresRunner(url: string): Promise<SqlRunner> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

export async function openSqlRunner(target: DatabaseTarget): Promise<SqlRunner> {
  if (target.kind === "postgres") return postgresRunner(target.url);
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const db = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  await db.waitReady;
  return pgliteRunner(db, true);
}
