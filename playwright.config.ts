// Playwright: end-to-end journeys in Debian's Chromium (/usr/bin/chromium; CHROMIUM_PATH to use another).
// `npm run test:e2e` (scripts/e2e.ts) builds the app, prepares a fresh database and a free port and
// runs this; the web server below is `scripts/start.ts` with that environment. Run on its own
// (`npx playwright test`), it starts the app on PORT (default 3000) with the embedded database in
// DATA_DIR, or reuses a server already answering there (except on CI).
import { defineConfig } from "@playwright/test";

const port = process.env.PORT || "3000";
const baseURL = process.env.E2E_BASE_URL || `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    browserName: "chromium",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "npx tsx --import ./scripts/lib/app-modules-hook.ts scripts/start.ts",
    url: `${baseURL}/login`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000, // a first start may build the app
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets start.ts stop Next and then close the embedded database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
