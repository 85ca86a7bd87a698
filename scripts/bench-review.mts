// npm run bench:review — review speed with 100,000 SFT samples and 100,000 preference pairs in
// the store: claim-next in the domain (p50/p95), the deck request over HTTP, and key press to next
// item visible in Chromium against `next start` (builds first when there is no build).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { reportTimes as report, startBenchApp } from "./bench-app.mjs";

const ITEMS = Number(process.argv[2] ?? 100_000);
const PRESSES = 150;
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-review-"));
Object.assign(process.env, {
  SENSE_DATA_DIR: dir,
  SENSE_PROJECT_ROOT: root,
  SENSE_SEED_DEMO: "0",
  NEXT_TELEMETRY_DISABLED: "1",
});

const { prisma } = await import("../lib/db");
const { migrateStore } = await import("../lib/store/prepare-store");
const { seedDemo } = await import("../lib/seed/seed-demo");
const { claimReviewItems } = await import("../lib/review/claim-review-items");
const { createAccount } = await import("../lib/auth/accounts");
migrateStore();
await seedDemo();
const database = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
const tasks = await prisma.task.findMany({ where: { databaseId: database.id } });

const filling = performance.now();
for (let start = 0; start < ITEMS; start += 2_000) {
  const n = Math.min(2_000, ITEMS - start);
  await prisma.sftSample.createMany({
    data: Array.from({ length: n }, (_, i) => {
      const t = tasks[(start + i) % tasks.length]!;
      return {
        databaseId: database.id,
        question: `${t.question} (#${start + i})`,
        sql: t.goldSql,
        difficulty: t.difficulty,
        origin: "strong",
        execStatus: "ok",
      };
    }),
  });
  await prisma.preferencePair.createMany({
    data: Array.from({ length: n }, (_, i) => {
      const t = tasks[(start + i) % tasks.length]!;
      return {
        taskId: t.id,
        chosenSql: t.goldSql,
        chosenSource: "gold",
        rejectedSql: `${t.goldSql} LIMIT 1`,
      };
    }),
  });
}
console.log(
  `store: ${ITEMS} SFT samples + ${ITEMS} preference pairs written in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
);

// in the page (as text: the bundler's helpers do not exist there): key press time, then the frame
// after the next item's id is in the DOM
const MEASURE_SCRIPT = `
  const idNow = () => document.querySelector("article[data-item-id]")?.getAttribute("data-item-id") ?? null;
  window.benchId = idNow();
  window.addEventListener("keydown", () => (window.benchPress = performance.now()), { capture: true });
  new MutationObserver(() => {
    const id = idNow();
    if (id && id !== window.benchId) {
      window.benchId = id;
      requestAnimationFrame(() => (window.benchShown = performance.now()));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-item-id"] });
`;

const PASSWORD = "bench password, long enough";
const reviewers = ["sft-0", "sft-250", "pairs-250"];
for (const r of reviewers)
  await createAccount(null, {
    email: `${r}@bench.test`,
    name: `Bench ${r}`,
    role: "annotator",
    password: PASSWORD,
  });

// claim-next in the domain: 200 reviewers each claim 3 (the deck size), from a full queue (a lease
// names an account: the claimers are accounts without a password, made first)
await prisma.user.createMany({
  data: Array.from({ length: 200 }, (_, r) => ({
    id: `bench-${r}`,
    email: `bench-${r}@bench.test`,
    name: `Claimer ${r}`,
  })),
});
const claims: number[] = [];
for (let r = 0; r < 200; r++) {
  const t0 = performance.now();
  await claimReviewItems(`bench-${r}`, r % 2 ? "pairs" : "sft", {}, { want: 3, leaseMs: 60_000 });
  claims.push(performance.now() - t0);
}
report("claim-next (domain, 3 items)", claims);
await prisma.$disconnect();

// the app on this store
const app = await startBenchApp(root);
const base = app.base;

const browser = await chromium.launch({
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
});
try {
  for (const [queue, paceMs] of [
    ["sft", 0],
    ["sft", 250],
    ["pairs", 250],
  ] as const) {
    // the page's CSP forbids eval, which string arguments of page.evaluate / waitForFunction use: the
    // bench's own measuring code is let through (the app's scripts run as they would anyway)
    const context = await browser.newContext({ baseURL: base, bypassCSP: true });
    const page = await context.newPage();
    const signedIn = await page.request.post("/api/auth/sign-in", {
      data: { email: `${queue}-${paceMs}@bench.test`, password: PASSWORD },
      headers: { origin: base },
    });
    if (!signedIn.ok()) throw new Error(`bench: sign-in failed: ${await signedIn.text()}`);
    const decks: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await page.request.post("/api/review/deck", { data: { queue }, headers: { origin: base } });
      decks.push(performance.now() - t0);
    }
    if (paceMs === 250) report(`deck request over HTTP (${queue}, claim + 3 views)`, decks);
    await page.goto(`/review?queue=${queue}`);
    await page.getByRole("article", { name: "Review item" }).waitFor();
    await page.evaluate(MEASURE_SCRIPT);
    const times: number[] = [];
    for (let i = 0; i < PRESSES; i++) {
      const before = (await page.evaluate("window.benchId")) as string;
      await page.keyboard.press("a");
      await page.waitForFunction(
        `window.benchId !== ${JSON.stringify(before)} && window.benchShown > window.benchPress`,
      );
      times.push((await page.evaluate("window.benchShown - window.benchPress")) as number);
      if (paceMs) await page.waitForTimeout(paceMs);
    }
    report(
      `key press → next item visible (${queue}, ${paceMs ? `every ${paceMs} ms` : "back to back"})`,
      times,
    );
    await context.close();
  }
} finally {
  await browser.close();
  app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
