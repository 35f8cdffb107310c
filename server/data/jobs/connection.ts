import type { PGlite, Results } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";
import { database, type Database } from "../../db";

// How the job queue (pg-boss) reaches the database. On PostgreSQL it opens its own small pool.
// On PGlite there is one connection, shared with Prisma: every queue statement goes through
// PGlite's own transaction lock, the one the Prisma adapter's interactive transactions hold, so a
// queue statement never runs inside someone else's open transaction.

export type QueueConnection = Pick<PgBoss.ConstructorOptions, "connectionString" | "max" | "db">;

export function queueConnection(db: Database = database()): QueueConnection {
  if (db.target.kind === "postgres") return { connectionString: db.target.url, max: 4 };
  if (!db.pglite) throw new Error("a PGlite database without its connection");
  return { db: pgliteQueueDb(db.pglite) };
}

/**
 * pg-boss sends a statement with parameters, or a script without them (its schema changes and
 * cron bookkeeping are `BEGIN; ...; COMMIT;` with an advisory lock). PGlite's `query` takes one
 * statement, `exec` several: a script runs inside PGlite's transaction, which holds the lock
 * throughout and rolls back if a statement fails, so no half-done script is left open.
 */
export function pgliteQueueDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
      const results = await pglite.transaction((tx) => tx.exec(text));
      return { rows: lastRows(results) };
    },
  };
}

function lastRows(results: Results[]): unknown[] {
  for (let index = results.length - 1; index >= 0; index -= 1) {
    const result = results[index]!;
    if (result.fields.length > 0) return result.rows;
  }
  return [];
}
