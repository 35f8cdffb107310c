import { afterAll, beforeAll } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { createTestDatabase, seedForTests, type TestDatabase, type TestDatabaseKind } from "../data/testing";

/** Gives the enclosing describe block its own migrated database, seeded with the demo scenario unless told not to. */
export function useTestDatabase(
  kind: TestDatabaseKind,
  options: { seed?: boolean } = {},
): { readonly db: TestDatabase | undefined } {
  const handle: { db: TestDatabase | undefined } = { db: undefined };
  beforeAll(async () => {
    handle.db = await createTestDatabase(kind);
    if (options.seed !== false) await seedForTests(DEMO_ORGANISATIONS);
  });
  afterAll(async () => {
    await handle.db?.drop();
  });
  return handle;
}
