// npm run bench:export [-- N] — N preference pairs (default 100,000; 1,000,000 works) exported as
// TRL DPO (standard) from a fresh store: rows/s, MB/s and peak memory, next to an export of a fifth
// of them, to show that time grows with the export's size and memory does not. Each export runs in
// a process of its own, so its peak RSS is its own.
//
// The pairs go in by the bulk path of lib/export/bulk-fill-items.ts, straight through better-sqlite3
// in the rows the app writes itself (what prisma.preferencePair.create stores): a cuid-shaped id
// that grows with insertion as cuids do, a demo task, chosen = the task's gold SQL (source "gold"),
// a distinct rejected SQL, created_at as the ISO text Prisma's adapter writes. Every fifth pair is "accepted",
// the others "edited", interleaved by id as review leaves them: the small export walks one status,
// the large one merges two.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const [mode, label, statuses, dedup] = process.argv.slice(2);

type Figures = {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  peakRssKb: number;
  baseRssMb: number;
  heapAfterGcMb: number;
  countMs: number;
  databasesMs: number;
};

if (mode === "--child") {
  // one export, then its figures as JSON
  const { exportToFile } = await import("../lib/export/exports");
  const { countExportItems, exportDatabaseIds } = await import("../lib/export/read-export-records");
  const { exportRequestSchema } = await import("../lib/export/export-selection");
  const { prisma } = await import("../lib/db");
  const { env } = await import("../lib/env");
  const request = { format: "trl-dpo", statuses: statuses!.split(","), dedup: dedup !== "no-dedup" };
  // what runs once per export besides the walk: the count for progress, the databases for a split
  let started = performance.now();
  await countExportItems("pairs", exportRequestSchema.parse(request));
  const countMs = performance.now() - started;
  started = performance.now();
  await exportDatabaseIds("pairs", exportRequestSchema.parse(request));
  const databasesMs = performance.now() - started;
  const baseRssMb = process.memoryUsage().rss / 2 ** 20; // the process before the export: modules loaded, store open
  const file = path.join(env.dataDir, "out", `${label}.jsonl`);
  const cpu = process.cpuUsage();
  started = performance.now();
  const done = await exportToFile(exportRequestSchema.parse(request), file);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (done.status !== "done") throw new Error(`the export ended ${done.status}: ${done.error}`);
  const bytes = fs.statSync(file).size;
  global.gc?.();
  const figures: Figures = {
    rows: done.rowCount,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    bytes,
    peakRssKb: process.resourceUsage().maxRSS,
    baseRssMb,
    heapAfterGcMb: process.memoryUsage().heapUsed / 2 ** 20,
    countMs,
    databasesMs,
  };
  console.log(JSON.stringify(figures));
  await prisma.$disconnect();
} else {
  const TOTAL = Number(mode ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-export-"));
  Object.assign(process.env, { SENSE_DATA_DIR: dir, SENSE_PROJECT_ROOT: root, SENSE_SEED_DEMO: "0" });
  const { prisma } = await import("../lib/db");
  const { env } = await import("../lib/env");
  const { migrateStore } = await import("../lib/store/prepare-store");
  const { seedDemo } = await import("../lib/seed/seed-demo");
  const { bulkInsertPairs } = await import("../lib/export/bulk-fill-items");
  migrateStore();
  await seedDemo();
  const tasks = await prisma.task.findMany({
    where: { origin: "demo" },
    select: { id: true, databaseId: true, goldSql: true },
  });
  await prisma.$disconnect();
  const filling = performance.now();
  bulkInsertPairs(env.dbFile, tasks, TOTAL, (k) => (k % 5 === 0 ? "accepted" : "edited"));
  console.log(
    `filled ${TOTAL} pairs in ${((performance.now() - filling) / 1000).toFixed(1)} s (bulk insert)`,
  );
  // the last run caps the JS heap at 64 MB without dedup (its keys are the one thing that grows with
  // the export): the large export still completes, so what it keeps alive is bounded
  const runs = [
    ["small", "accepted", "", "dedup"],
    ["large", "accepted,edited", "", "dedup"],
    ["capped", "accepted,edited", "--max-old-space-size=64", "no-dedup"],
  ] as const;
  for (const [name, which, heapCap, dedupMode] of runs) {
    const flags = [
      "--expose-gc",
      ...(heapCap ? [heapCap] : []),
      "--conditions=react-server",
      "--import",
      "tsx",
    ];
    const child = spawnSync(
      process.execPath,
      [...flags, path.join(root, "scripts", "bench-export.mts"), "--child", name, which, dedupMode],
      { cwd: root, env: process.env, encoding: "utf8", maxBuffer: 2 ** 26 },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Figures;
    console.log(
      `${name.padEnd(6)} ${String(r.rows).padStart(7)} rows in ${r.seconds.toFixed(2)} s (${r.cpuSeconds.toFixed(1)} s CPU) = ${Math.round(r.rows / r.seconds)} rows/s, ` +
        `${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s (${(r.bytes / 1e6).toFixed(0)} MB written, ${dedupMode}); peak RSS ${(r.peakRssKb / 1024).toFixed(0)} MB ` +
        `(${r.baseRssMb.toFixed(0)} MB before the export), live heap after it ${r.heapAfterGcMb.toFixed(0)} MB; count ${r.countMs.toFixed(0)} ms, split databases ${r.databasesMs.toFixed(0)} ms`,
    );
    fs.rmSync(path.join(dir, "out", `${name}.jsonl`), { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
