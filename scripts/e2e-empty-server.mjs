#!/usr/bin/env node
// The end-to-end suite's second server: an installation without any organisation, for the first
// setup. It serves the build the demo server's `npm start` made and never builds itself: a second
// `next build` into the same .next while the demo server serves from it would pull files from
// under that server (start.mjs rebuilds whenever a source changed since its stamp, which an edit
// made during the first build is enough for). So: wait until the demo server answers, start from
// an empty DATA_DIR, prepare the database without demo data, serve.
// Usage: node scripts/e2e-empty-server.mjs <url the built server answers on>
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const builtServer = process.argv[2];
const dataDir = process.env.DATA_DIR;
if (!builtServer || !dataDir) {
  console.error(
    "usage: DATA_DIR=<dir> PORT=<port> node scripts/e2e-empty-server.mjs <health url of the server that built the app>",
  );
  process.exit(2);
}

const answers = () =>
  new Promise((resolve) => {
    const request = get(builtServer, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
const deadline = Date.now() + 15 * 60_000;
while (!(await answers())) {
  if (Date.now() > deadline) {
    console.error(`[e2e-empty] ${builtServer} did not answer in 15 minutes`);
    process.exit(1);
  }
  await sleep(500);
}

rmSync(dataDir, { recursive: true, force: true });
// as start.mjs runs them: no demo data, links and redirects follow the host the browser used
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "false" };
for (const key of ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "DATABASE_URL"]) if (env[key] === "") delete env[key];
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST = "1";
const setup = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/setup-db.ts"],
  { stdio: "inherit", env },
);
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server = spawn(process.execPath, ["scripts/server.mjs"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
