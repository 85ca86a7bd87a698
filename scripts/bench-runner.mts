// npm run bench:runner — the job runner's speed per item, on jobs of 5,000 and 1,000,000 items and
// at provider concurrency 256, against the local model server (its own process) answering after
// 200 ms. Weak jobs over the Spider dev tasks (items cycle through the tasks), 4 samples a task.
// Items of the big jobs are added through the bulk path (lib/jobs/bulk-job-items.ts). Each figure
// is measured over a steady window of items (after the first ones), with the runner's own CPU
// (process.cpuUsage of this process: the model server and the SQL engine children are apart).
// Needs ../shared/data/spider. `npm run bench:runner -- 200000` for a smaller "big" job;
// `npm run bench:runner -- 1000000 a,c` runs only parts a and c; `-- 1000000 a --profile DIR` writes
// each window's CPU profile to DIR. Each window also prints the statements the runner made an item, by kind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spiderDir, startBenchModelServer, makeTempSpiderStore } from "./bench-spider-setup.mjs";
import { Session } from "node:inspector/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { cpuBetween, descendantsCpu } from "./process-cpu.mjs";

const BIG = Number(process.argv[2] ?? 1_000_000);
const PARTS = new Set((process.argv[3] ?? "a,b,c").split(","));
const profileAt = process.argv.indexOf("--profile");
const PROFILE_DIR = profileAt > 0 ? process.argv[profileAt + 1] : undefined; // a folder: each window's CPU profile is written there
const SAMPLES = 4;
const LATENCY_MS = 200;

const dir = makeTempSpiderStore("runner");
const { port, server } = await startBenchModelServer(LATENCY_MS);

const { prisma } = await import("../lib/db");
const { migrateStore } = await import("../lib/store/prepare-store");
const { importBenchmark } = await import("../lib/import/import-benchmark");
const { createProvider } = await import("../lib/providers/providers");
const { createJob } = await import("../lib/jobs/create-job");
const { appendJobItems } = await import("../lib/jobs/bulk-job-items");
const { changeJobStatus } = await import("../lib/jobs/job-control");
const { runWorker } = await import("../lib/jobs/run-worker");
const { writeBatchStats } = await import("../lib/jobs/write-batch");
const { execPool } = await import("../lib/sql/exec/exec-pool");
const { boundCallObservers } = await import("../lib/store/statement-cache");
migrateStore();
await importBenchmark({ format: "spider", dir: spiderDir, split: "dev" });
const taskIds = (
  await prisma.task.findMany({
    where: { split: "dev", database: { fileStatus: "ok" } },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  })
).map((t) => t.id);
await execPool().forLane("jobs").warmUp(); // the processes the runner's steps use

/** A weak job of `items` items (the dev tasks over and over) on a provider allowing `concurrency` requests. */
async function weakJob(items: number, concurrency: number) {
  const name = `bench-${concurrency}-${items}`;
  await createProvider({
    name,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    model: "sense-demo-weak",
    maxConcurrency: concurrency,
  });
  const job = await createJob({
    kind: "weak",
    provider: name,
    tasks: { split: "dev", limit: 1 },
    samples: SAMPLES,
    maxPairsPerTask: 1,
  });
  const started = performance.now();
  await appendJobItems(job.id, "sample", items - 1, (i) => ({ taskId: taskIds[(i + 1) % taskIds.length]! }));
  return { id: job.id, addSeconds: (performance.now() - started) / 1000 };
}

/** Runs the job's items from `from` to `to` done and measures that window; the rest of the job is cancelled. */
async function measure(label: string, jobId: string, workers: number, from: number, to: number) {
  const stop = new AbortController();
  const running = runWorker({ concurrency: workers, signal: stop.signal, pollMs: 100 });
  const done = async () =>
    (
      await prisma.job.findUniqueOrThrow({
        where: { id: jobId },
        select: { itemsDone: true, itemsFailed: true },
      })
    ).itemsDone;
  while ((await done()) < from) await sleep(100);
  const profiler = PROFILE_DIR ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  const statements = new Map<string, number>(); // the runner's statements in the window, by their first words
  const count = (sql: string) => {
    const kind = sql
      .trim()
      .split(/\s+/, 3)
      .join(" ")
      .replace(/`main`\./g, "");
    statements.set(kind, (statements.get(kind) ?? 0) + 1);
  };
  const [t0, cpu0, n0, batched, children0] = [
    performance.now(),
    process.cpuUsage(),
    await done(),
    { ...writeBatchStats },
    descendantsCpu(),
  ];
  boundCallObservers.add(count);
  let n1 = n0;
  while ((n1 = await done()) < to) await sleep(100);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  boundCallObservers.delete(count);
  const childCpu = cpuBetween(children0, descendantsCpu());
  if (profiler) {
    const { profile } = await profiler.post("Profiler.stop");
    fs.writeFileSync(path.join(PROFILE_DIR!, `${label.slice(0, 3)}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  await changeJobStatus(jobId, "cancel").catch(() => undefined);
  stop.abort();
  await running;
  const items = n1 - n0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const failed = (await prisma.job.findUniqueOrThrow({ where: { id: jobId } })).itemsFailed;
  console.log(
    `${label}: ${(items / seconds).toFixed(1)} items/s (${((items * SAMPLES) / seconds).toFixed(0)} requests/s) over items ${n0}-${n1}; runner CPU ${(cpuMs / items).toFixed(2)} ms/item, ${(cpuMs / items / SAMPLES).toFixed(2)} ms/request; ${failed} failed; ${((writeBatchStats.writes - batched.writes) / (writeBatchStats.transactions - batched.transactions)).toFixed(1)} writes per commit`,
  );
  const perItem = [...statements].sort((a, b) => b[1] - a[1]);
  const total = perItem.reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `    statements an item: ${(total / items).toFixed(2)} (${perItem
      .slice(0, 6)
      .map(([kind, n]) => `${kind} ${(n / items).toFixed(2)}`)
      .join(", ")})`,
  );
  // where the machine's cores went: the model server, the SQL engine children (one line per kind)
  const modelMs = childCpu.get(server.pid!) ?? 0;
  const sqlMs = [...childCpu].filter(([pid]) => pid !== server.pid).reduce((sum, [, ms]) => sum + ms, 0);
  const requests = items * SAMPLES;
  const perRequest = (ms: number) => (ms / requests).toFixed(2);
  console.log(
    `    CPU a request: runner ${perRequest(cpuMs)} ms, model server ${perRequest(modelMs)} ms, SQL children ${perRequest(sqlMs)} ms; all together ${((cpuMs + modelMs + sqlMs) / 1000 / seconds).toFixed(2)} of ${os.availableParallelism()} cores busy`,
  );
  return items / seconds;
}

const rss = () => `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`;
const C = 64; // provider concurrency for (a) and (b): ideal 64 / 0.2 s / 4 samples = 80 items/s
let rateSmall = 0;
if (PARTS.has("a")) {
  const small = await weakJob(5_000, C);
  rateSmall = await measure(
    `(a) 5,000-item job, concurrency ${C} (ideal ${C / (LATENCY_MS / 1000) / SAMPLES} items/s)`,
    small.id,
    C,
    500,
    4_500,
  );
}
if (PARTS.has("c")) {
  const wide = await weakJob(4_000, 256);
  const ideal = 256 / (LATENCY_MS / 1000);
  const rateWide = await measure(`(c) concurrency 256 (ideal ${ideal} requests/s)`, wide.id, 256, 500, 3_500);
  console.log(`(c) ${((100 * rateWide * SAMPLES) / ideal).toFixed(1)}% of ideal`);
}
if (PARTS.has("b")) {
  const big = await weakJob(BIG, C);
  console.log(
    `(b) ${BIG.toLocaleString("en")} items added in ${big.addSeconds.toFixed(1)} s through the bulk path; RSS ${rss()}`,
  );
  const rateBig = await measure(
    `(b) ${BIG.toLocaleString("en")}-item job, concurrency ${C}`,
    big.id,
    C,
    1_000,
    7_000,
  );
  if (rateSmall)
    console.log(`(b) vs (a): ${((100 * rateBig) / rateSmall).toFixed(1)}% of the 5,000-item speed`);
  console.log(`RSS at the end ${rss()}`);
}

server.kill();
await execPool().close();
await prisma.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
