import { defineConfig } from "@playwright/test";
import { DEMO_PORT, EMPTY_PORT, demoServer, emptyServer } from "./e2e/servers";

// End-to-end tests drive Debian's Chromium against the real server started by the README's
// own start script, on a fresh embedded database of its own with the demo data. A second server
// on the same build serves an installation without any organisation, for the first setup
// (e2e/setup-and-team.spec.ts points its tests there).
const DATA_DIR = "data/e2e";
const EMPTY_DATA_DIR = "data/e2e-empty";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: demoServer,
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  // Playwright starts these one after the other, each once its url answers; the empty one also
  // waits for the demo server itself, as it serves the build that one's start made.
  webServer: [
    {
      name: "demo",
      command:
        `node -e "require('node:fs').rmSync('${DATA_DIR}',{recursive:true,force:true})" ` + `&& node scripts/start.mjs`,
      url: `${demoServer}/api/health`,
      env: { PORT: String(DEMO_PORT), DATA_DIR, NEXTAUTH_URL: "", DATABASE_URL: "" },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      name: "empty",
      command: `node scripts/e2e-empty-server.mjs ${demoServer}/api/health`,
      url: `${emptyServer}/api/health`,
      env: { PORT: String(EMPTY_PORT), DATA_DIR: EMPTY_DATA_DIR, NEXTAUTH_URL: "", DATABASE_URL: "" },
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
