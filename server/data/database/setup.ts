import { installDatabase, openDatabase, targetFromEnv, type Database, type DatabaseTarget } from "../../db";
import { prisma } from "../prisma-client";
import { applyMigrations } from "./migrate";
import { openSqlRunner } from "./sql-runner";

/** Migrates the target, then makes it this process's database. */
export async function prepareDatabase(target: DatabaseTarget): Promise<{ database: Database; applied: string[] }> {
  const runner = await openSqlRunner(target);
  let applied: string[];
  try {
    ({ applied } = await applyMigrations(runner));
  } finally {
    await runner.close();
  }
  const database = openDatabase(target);
  installDatabase(database);
  return { database, applied };
}

export async function organisationCount(): Promise<number> {
  return prisma().organisation.count();
}

export async function organisationExists(slug: string): Promise<boolean> {
  return (await prisma().organisation.count({ where: { slug } })) > 0;
}

export const databaseTargetFromEnv = targetFromEnv;
