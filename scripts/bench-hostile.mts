// npm run bench:hostile [-- --seconds 20 --clients 50 --only clients|<case>] — is the app still there for everyone while
// someone attacks it? On a real `next start` (embedded runner) over a fresh store with demo data:
// 1. 50 console clients run a normal query each second while 2 clients send runaway queries:
//    p50/p95 of the normal queries and of /api/health (target: p95 < 1 s and < 200 ms);
// 2. each hostile case in scripts/hostile/cases/ runs once while /api/health is polled every
//    100 ms: p50/p95/max of health during the case (target: under 500 ms) and what the app answered.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { percentile } from "./bench-app.mjs";
import { startHostileApp } from "./hostile/hostile-app.mjs";
import type { HostileCase } from "./hostile/hostile-case.mjs";
import { pollTimes } from "./hostile/poll-times.mjs";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    clients: { type: "string", default: "50" },
    "think-ms": { type: "string", default: "1000" },
    only: { type: "string" },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const thinkMs = Number(values["think-ms"]); // a person at the console waits between queries
const root = path.resolve(import.meta.dirname, "..");

const NORMAL_SQL = "SELECT genre, COUNT(*) FROM books GROUP BY genre";
const RUNAWAY_SQL = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT COUNT(*) FROM r";

const figures = (xs: number[]) =>
  xs.length
    ? `p50 ${percentile(xs, 0.5).toFixed(0)} ms  p95 ${percentile(xs, 0.95).toFixed(0)} ms  max ${Math.max(...xs).toFixed(0)} ms  (n=${xs.length})`
    : "no samples";

// the fake OpenAI-compatible endpoint whose answers are hostile (when the cases that need it are here)
const modelServerFile = path.join(import.meta.dirname, "hostile", "hostile-model-server.mts");
type ModelServer = { startHostileModelServer: () => Promise<{ base: string; stop: () => Promise<void> }> };
const model = fs.existsSync(modelServerFile)
  ? await ((await import(modelServerFile)) as ModelServer).startHostileModelServer()
  : null;
const { ctx, stop } = await startHostileApp(root, model?.base ?? "");
try {
  const annotator = await ctx.headers("annotator");
  const consoleQuery = (sql: string) =>
    fetch(`${ctx.base}/api/sql/run`, {
      method: "POST",
      headers: { ...annotator, "content-type": "application/json" },
      body: JSON.stringify({ database: "city_library", sql }),
    });
  const health = () => fetch(`${ctx.base}/api/health`);

  if (!values.only || values.only === "clients") {
    for (const runaways of [0, 2]) {
      const hostile = Array.from({ length: runaways }, () => pollTimes(() => consoleQuery(RUNAWAY_SQL), 0));
      const normal = Array.from({ length: clients }, () =>
        pollTimes(() => consoleQuery(NORMAL_SQL), thinkMs),
      );
      const healthPoll = pollTimes(health, 100);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const normalTimes = (await Promise.all(normal.map((p) => p.stop()))).flatMap((r) => r.times);
      const runawayTimes = (await Promise.all(hostile.map((p) => p.stop()))).flatMap((r) => r.times);
      const healthTimes = (await healthPoll.stop()).times;
      console.log(
        `\n${clients} console clients (a query, then ${thinkMs} ms to think), ${runaways} runaway clients, ${seconds} s:`,
      );
      console.log(`  normal console query   ${figures(normalTimes)}`);
      if (runaways) console.log(`  runaway console query  ${figures(runawayTimes)}`);
      console.log(`  /api/health            ${figures(healthTimes)}`);
    }
  }

  const casesDir = path.join(import.meta.dirname, "hostile", "cases");
  const files = fs.existsSync(casesDir)
    ? fs
        .readdirSync(casesDir)
        .filter((f) => f.endsWith(".mts"))
        .sort()
    : [];
  for (const file of files) {
    const { hostileCase } = (await import(path.join(casesDir, file))) as { hostileCase: HostileCase };
    if (values.only === "clients") break;
    if (values.only && !hostileCase.name.includes(values.only) && !file.includes(values.only)) continue;
    const healthPoll = pollTimes(health, 100);
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = await hostileCase.run(ctx);
    } catch (error) {
      outcome = `the case itself failed: ${(error as Error).message}`;
    }
    const took = performance.now() - t0;
    const { times, failures } = await healthPoll.stop();
    console.log(
      `\n[finding ${hostileCase.finding}] ${hostileCase.name} (${(took / 1000).toFixed(1)} s): ${outcome}`,
    );
    console.log(
      `  /api/health during it  ${figures(times)}${failures.length ? `  failures: ${failures.length} (${failures[0]})` : ""}`,
    );
  }
} finally {
  stop();
  await model?.stop();
}
