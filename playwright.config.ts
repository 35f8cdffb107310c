import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium against the real server started by the README's
// own start script, on a fresh embedded database of its own.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = "data/e2e";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: {
    command: `node -e "require('node:fs').rmSync('${DATA_DIR}',{recursive:true,force:true})" && node scripts/start.mjs`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT), DATA_DIR, NEXTAUTH_URL: "", DATABASE_URL: "" },
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
