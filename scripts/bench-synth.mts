// npm run bench:synth — a weak job of 500 Spider dev tasks x 4 samples against the local model
// server (its own process) answering after 200 ms, with the provider's concurrency at 16. The ideal
// is 16 / 0.2 s = 80 requests/s; prints requests/s, the share of ideal, the runner's overhead and
// its CPU per request. (npm run bench:runner measures concurrency 256 and big jobs.)
// Needs ../shared/data/spider.
import fs from "node:fs";
import { spiderDir, startBenchModelServer, makeTempSpiderStore } from "./bench-spider-setup.mjs";

const TASKS = Number(process.argv[2] ?? 500); // npm run bench:synth -- 100 for a shorter run
const SAMPLES = 4;
const LATENCY_MS = 200;
const CONCURRENCY = 16;

const dir = makeTempSpiderStore("synth");
const { port, server } = await startBenchModelServer(LATENCY_MS);

const { prisma } = await import("../lib/db");
const { migrateStore } = await import("../lib/store/prepare-store");
const { importBenchmark } = await import("../lib/import/import-benchmark");
const { createProvider } = await import("../lib/providers/providers");
const { createJob } = await import("../lib/jobs/create-job");
const { runWorker } = await import("../lib/jobs/run-worker");
const { execPool } = await import("../lib/sql/exec/exec-pool");
migrateStore();
await importBenchmark({ format: "spider", dir: spiderDir, split: "dev" });
await createProvider({
  name: "bench-weak",
  baseUrl: `http://127.0.0.1:${port}/v1`,
  model: "sense-demo-weak",
  maxConcurrency: CONCURRENCY,
});
await execPool().forLane("jobs").warmUp(); // the processes the runner's steps use

const job = await createJob({
  kind: "weak",
  provider: "bench-weak",
  tasks: { split: "dev", limit: TASKS },
  samples: SAMPLES,
  maxPairsPerTask: 1,
});
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const started = performance.now();
const cpuAtStart = process.cpuUsage();
await runWorker({ stopWhenIdle: true, concurrency: CONCURRENCY });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuAtStart);
clearInterval(sampler);

const done = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
const calls = await prisma.modelCall.count({ where: { jobId: job.id } });
const latencies = (await prisma.modelCall.findMany({ where: { jobId: job.id }, select: { latencyMs: true } }))
  .map((c) => c.latencyMs)
  .sort((a, b) => a - b);
const [candidates, pairs] = await Promise.all([
  prisma.candidate.count({ where: { jobId: job.id } }),
  prisma.preferencePair.count({ where: { jobId: job.id } }),
]);
const ideal = CONCURRENCY / (LATENCY_MS / 1000);
const rate = calls / seconds;
const idealSeconds = calls / ideal;
console.log(
  `weak job: ${done.itemsDone} tasks done, ${done.itemsFailed} failed, ${calls} requests, ${candidates} candidates judged, ${pairs} pairs`,
);
console.log(`wall ${seconds.toFixed(2)} s (ideal ${idealSeconds.toFixed(2)} s at ${ideal}/s)`);
console.log(`throughput ${rate.toFixed(1)} requests/s = ${((100 * rate) / ideal).toFixed(1)}% of ideal`);
console.log(
  `runner overhead ${(seconds - idealSeconds).toFixed(2)} s in all, ${(((seconds - idealSeconds) * 1000) / done.itemsDone).toFixed(2)} ms per task`,
);
console.log(
  `runner CPU ${((cpu.user + cpu.system) / 1000 / calls).toFixed(2)} ms per request (this process; the model server and SQL engine children apart)`,
);
console.log(
  `request latency p50 ${latencies[Math.floor(latencies.length / 2)]} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]} ms; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
);
server.kill();
await execPool().close();
await prisma.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
