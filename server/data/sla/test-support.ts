import { afterAll, beforeAll } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { SeedOrganisation } from "../database/seed";
import { createTestDatabase, seedForTests, type TestDatabase, type TestDatabaseKind } from "../testing";

// The SLA tests make their own clauses: the demo's organisations, clients and engagements without
// the demo's SLA clauses and measurements, so a test's credits and episodes are only its own.

function withoutSla<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSla) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "slaClauses" && key !== "slaMeasurements")
      .map(([key, inner]) => [key, withoutSla(inner)]),
  ) as T;
}

export function useDemoWithoutSla(kind: TestDatabaseKind): void {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(withoutSla<SeedOrganisation[]>(DEMO_ORGANISATIONS));
  });
  afterAll(async () => {
    await db?.drop();
  });
}
