import { defineConfig } from "@playwright/test";
import { authFile } from "./e2e/e2e-paths";
import { e2ePorts } from "./e2e/e2e-ports";

// free ports picked once per run (the workers inherit them): another checkout's run may be going on
const { app: port, model: modelPort } = e2ePorts();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  // Every journey runs signed in: the setup signs each role in through the sign-in page; journeys
  // run as the admin unless they say `test.use({ storageState: authFile(role) })` or sign in themselves.
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    {
      name: "journeys",
      dependencies: ["sign-in"],
      testIgnore: /auth\.setup\.ts/,
      use: { storageState: authFile("admin") },
    },
  ],
  webServer: {
    // Builds nothing: `npm test` runs `next build` first. The script owns the e2e store.
    command: `node --import tsx e2e/serve-e2e.ts ${port} ${modelPort}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
