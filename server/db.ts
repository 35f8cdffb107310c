import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dataDir, env } from "./env";

// The one place that creates Prisma clients. Only server/data imports this module.

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /** the embedded connection when the target is PGlite (the job queue shares it) */
  readonly pglite: PGlite | null;
  close(): Promise<void>;
}

export function targetFromEnv(): DatabaseTarget {
  const url = env().DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === "postgres") {
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: 5_000 }),
    });
    return { target, prisma, pglite: null, close: () => prisma.$disconnect() };
  }
  return databaseOnPglite(target.dataDir ? new PGlite(target.dataDir) : new PGlite(), target);
}

/** A database on an already open PGlite (tests migrate and query one in-memory instance). */
export function databaseOnPglite(pglite: PGlite, target: DatabaseTarget = { kind: "pglite", dataDir: null }): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    target,
    prisma,
    pglite,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// One database per process, shared by every route and server component (Next may evaluate this
// module more than once, so the instance lives on globalThis).
const KEY = Symbol.for("tollgate.database");
type Holder = { [KEY]?: Database };

export function database(): Database {
  const holder = globalThis as Holder;
  holder[KEY] ??= openDatabase(targetFromEnv());
  return holder[KEY];
}

/** Replaces the process database (tests and scripts); returns the previous one. */
export function installDatabase(next: Database | undefined): Database | undefined {
  const holder = globalThis as Holder;
  const previous = holder[KEY];
  holder[KEY] = next;
  return previous;
}
