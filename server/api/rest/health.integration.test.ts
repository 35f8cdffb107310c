import { describe, expect, it } from "vitest";
import { createTestDatabase, installUnreachableDatabase, testDatabaseKinds } from "../../data/testing";
import { healthResponse } from "./health";
import { useTestDatabase } from "../../test-support/database";

describe.each(testDatabaseKinds())("health on %s", (kind) => {
  useTestDatabase(kind, { seed: false });

  it("answers 200 after a real query", async () => {
    const response = await healthResponse();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });
});

describe("health with the database unreachable", () => {
  it("answers 503 when PostgreSQL does not answer", async () => {
    const restore = installUnreachableDatabase();
    try {
      const response = await healthResponse();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", db: "down" });
    } finally {
      await restore();
    }
  });

  it("answers 503 when the embedded database has been closed", async () => {
    const db = await createTestDatabase("pglite");
    await db.drop();
    const response = await healthResponse();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ db: "down" });
  });
});
