import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { Database } from "../../db";
import { deleteNewestAuditEvents, isolateAuditKeyAndHeads, lastAuditSeq } from "./testing";
import { prepareDatabase } from "../database/setup";
import { createTestDatabase, organisationIdOf, seedForTests, testDatabaseKinds, type TestDatabase } from "../testing";

// `npm run audit:verify` as an operator runs it: its own process, the database and DATA_DIR from
// the environment, the verdict in the exit code.

const ROOT = path.resolve(import.meta.dirname, "../../..");

function runAuditVerify(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["scripts/audit-verify.ts"],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe.each(testDatabaseKinds())("npm run audit:verify on %s", (kind) => {
  let isolation: Awaited<ReturnType<typeof isolateAuditKeyAndHeads>>;
  let postgres: TestDatabase | undefined;
  let embedded: Database | undefined;
  // the embedded database belongs to one process: the test closes it while the command runs
  const pglite = () => prepareDatabase({ kind: "pglite", dataDir: path.join(isolation.dataDir, "pglite") });
  const childEnv = () => ({ ...isolation.childEnv, DATABASE_URL: postgres?.url ?? "" });

  beforeAll(async () => {
    isolation = await isolateAuditKeyAndHeads({ keyInEnv: true });
    if (kind === "postgres") postgres = await createTestDatabase("postgres");
    else embedded = (await pglite()).database;
    await seedForTests(DEMO_ORGANISATIONS);
  });
  afterAll(async () => {
    await embedded?.close();
    await postgres?.drop();
    await isolation.restore();
  });

  it("exits 0 on intact chains, then 1 naming the organisation and the first deleted event", async () => {
    await embedded?.close();
    const intact = await runAuditVerify(childEnv());
    expect(intact.output).toMatch(/^ok {6}Northwind Consulting .*chain intact/m);
    expect(intact.output).toMatch(/^ok {6}Contoso Advisory .*chain intact/m);
    expect(intact.code).toBe(0);

    if (embedded) embedded = (await pglite()).database;
    const contoso = await organisationIdOf("owner@contoso.test");
    const newest = await lastAuditSeq(contoso);
    await deleteNewestAuditEvents(contoso, 2);
    await embedded?.close();

    const broken = await runAuditVerify(childEnv());
    expect(broken.output).toMatch(/^ok {6}Northwind Consulting /m);
    expect(broken.output).toContain(
      `BROKEN  Contoso Advisory (${contoso}): first missing or bad event #${newest - 1}: missing`,
    );
    expect(broken.code).toBe(1);
  });
});
