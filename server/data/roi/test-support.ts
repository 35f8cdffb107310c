import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { installDatabase } from "../../db";
import { prisma } from "../prisma-client";
import type { TestDatabase } from "../testing";

// Counts the SQL statements a piece of work sends to the database (tests of "at most N statements"):
// the work runs on a second client over the same database whose driver adapter notes every query,
// inside transactions too, on PGlite and on PostgreSQL alike.

function noting<Q extends SqlQueryable>(queryable: Q, statements: string[]): Q {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === "queryRaw" || property === "executeRaw")
        return (query: { sql: string }) => {
          statements.push(query.sql);
          return (value as (q: unknown) => Promise<unknown>).call(target, query);
        };
      if (property === "startTransaction")
        return async (...args: unknown[]) =>
          noting(await (value as (...a: unknown[]) => Promise<Transaction>).apply(target, args), statements);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function notingFactory(factory: SqlDriverAdapterFactory, statements: string[]): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === "connect")
        return async () => noting(await (value as () => Promise<SqlDriverAdapter>).call(target), statements);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs `work` against `db` and answers the SQL statements it sent. */
export async function countStatements<T>(
  db: TestDatabase,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const factory = db.database.pglite
    ? new PrismaPGlite(db.database.pglite)
    : new PrismaPg({ connectionString: db.url! });
  const client = new PrismaClient({ adapter: notingFactory(factory as SqlDriverAdapterFactory, statements) });
  await client.$queryRaw`SELECT 1`;
  statements.length = 0;
  const previous = installDatabase({ ...db.database, prisma: client });
  try {
    const result = await work();
    return { result, statements: [...statements] };
  } finally {
    installDatabase(previous);
    await client.$disconnect();
  }
}

/** An invoice (or a voided one) holding the milestone's line, written as issuing would leave it. */
export async function invoiceMilestone(
  engagementId: string,
  milestoneId: string,
  issueDate: string,
  status: "issued" | "void",
) {
  const engagement = await prisma().engagement.findUniqueOrThrow({ where: { id: engagementId } });
  const sequence = (await prisma().invoice.count({ where: { organisationId: engagement.organisationId } })) + 1;
  const milestone = await prisma().milestone.findUniqueOrThrow({ where: { id: milestoneId } });
  await prisma().invoice.create({
    data: {
      organisationId: engagement.organisationId,
      engagementId,
      series: "ROI-TEST",
      sequence,
      number: `ROI-TEST-${sequence}`,
      status,
      currency: engagement.currency,
      taxRateBp: engagement.taxRateBp,
      subtotalMinor: milestone.amountMinor,
      taxMinor: 0n,
      totalMinor: milestone.amountMinor,
      issueDate: new Date(`${issueDate}T00:00:00Z`),
      dueDate: new Date(`${issueDate}T00:00:00Z`),
      lines: {
        create: [
          {
            organisationId: engagement.organisationId,
            milestoneId,
            description: milestone.title,
            amountMinor: milestone.amountMinor,
            position: 0,
          },
        ],
      },
    },
  });
  if (status === "issued")
    await prisma().milestone.update({
      where: { id: milestoneId },
      data: { state: "invoiced", invoicedAmountMinor: milestone.amountMinor },
    });
}
