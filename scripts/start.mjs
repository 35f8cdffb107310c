#!/usr/bin/env node
// `npm start`: prepare the database (migrations, demo data on first start), build when the
// sources changed since the last build, then serve on PORT (default 3000) at HOST (default
// 127.0.0.1: this machine only) through scripts/server.mjs.
// `npm run dev` does the same with Next's dev server instead of a production build.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: port };
// An empty variable means "not set" (next-auth would try to parse "" as a URL).
for (const key of ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "DATABASE_URL"]) if (env[key] === "") delete env[key];
// Without a configured public URL, links and redirects follow the host the browser used.
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST = "1";

const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const run = (label, args) => {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[start] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
};

const BUILD_INPUTS = [
  "app",
  "server",
  "components",
  "templates",
  "public",
  "prisma",
  "next.config.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = path.join(root, ".next", "tollgate-build-stamp");

function sourceHash() {
  const hash = createHash("sha256");
  const visit = (entry) => {
    // tests are not part of the build
    if (!existsSync(entry) || /\.test\.tsx?$|test-support/.test(entry)) return;
    if (statSync(entry).isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
      return;
    }
    hash.update(entry).update("\0").update(readFileSync(entry)).update("\0");
  };
  for (const input of BUILD_INPUTS) visit(input);
  return hash.digest("hex");
}

run("database setup", [bin("tsx", "dist/cli.mjs"), "scripts/setup-db.ts"]);

if (!dev) {
  const wanted = sourceHash();
  const built =
    existsSync(STAMP) && existsSync(path.join(root, ".next", "BUILD_ID")) ? readFileSync(STAMP, "utf8") : "";
  if (built !== wanted) {
    console.log("[start] building the app (first start or sources changed)…");
    const t0 = Date.now();
    run("build", [bin("next", "dist/bin/next"), "build"]);
    writeFileSync(STAMP, wanted);
    console.log(`[start] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const serverEnv = { ...env, NODE_ENV: dev ? "development" : "production" };
const server = spawn(process.execPath, ["scripts/server.mjs", ...(dev ? ["--dev"] : [])], {
  stdio: "inherit",
  env: serverEnv,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
