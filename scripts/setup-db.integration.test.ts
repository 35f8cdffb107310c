import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../server/data/testing";

// What `npm start` loads on first start: the demo organisations (published logins) only on the
// embedded database of a machine being tried out; never in production or on a PostgreSQL unless
// SEED_DEMO=true. Runs the real setup script as `npm start` does.

const root = path.resolve(import.meta.dirname, "..");

function setupDb(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/setup-db.ts"], {
      cwd: root,
      // nothing of this process's database settings leaks in: empty means unset
      env: { ...process.env, DATABASE_URL: "", SEED_DEMO: "", AUDIT_KEY: "", NEXTAUTH_SECRET: "", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("demo data on first start", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tollgate-setup-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("is not loaded in production on the embedded database: the first organisation comes from /setup", async () => {
    const run = await setupDb({ DATA_DIR: dataDir(), NODE_ENV: "production" });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("no organisation yet: open /setup");
    expect(run.output).not.toMatch(/demo data: loaded|demo logins/);
  });

  describe.runIf(testDatabaseKinds().includes("postgres"))("on PostgreSQL", () => {
    let db: TestDatabase;
    afterAll(() => db?.drop());

    it("is not loaded on a PostgreSQL (DATABASE_URL) without SEED_DEMO=true", async () => {
      db = await createTestDatabase("postgres");
      const run = await setupDb({ DATA_DIR: dataDir(), DATABASE_URL: db.url! });
      expect(run.status, run.output).toBe(0);
      expect(run.output).toContain("no organisation yet: open /setup");
      expect(run.output).not.toMatch(/demo data: loaded|demo logins/);
    });
  });
});
