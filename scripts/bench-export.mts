// npm run bench:export — 100,000 preference pairs exported as TRL DPO (standard) from a fresh store:
// rows/s, MB/s and peak memory, next to an export of 20,000 of them, to show that memory does not
// grow with the export's size. Each export runs in a process of its own, so its peak RSS is its own.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const [mode, label, statuses] = process.argv.slice(2);

if (mode === "--child") {
  // one export, then its figures as JSON
  const { exportToFile } = await import("../lib/export/exports");
  const { prisma } = await import("../lib/db");
  const { env } = await import("../lib/env");
  const file = path.join(env.dataDir, "out", `${label}.jsonl`);
  const started = performance.now();
  const done = await exportToFile({ format: "trl-dpo", statuses: statuses!.split(",") }, file);
  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  console.log(JSON.stringify({ rows: done.rowCount, seconds, bytes: fs.statSync(file).size, peakRssKb: process.resourceUsage().maxRSS, heapAfterGcMb: process.memoryUsage().heapUsed / 2 ** 20 }));
  await prisma.$disconnect();
} else {
  const TOTAL = Number(mode ?? 100_000);
  const SMALL = Math.round(TOTAL / 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-export-"));
  Object.assign(process.env, { SENSE_DATA_DIR: dir, SENSE_PROJECT_ROOT: root, SENSE_SEED_DEMO: "0" });
  const { prisma } = await import("../lib/db");
  const { migrateStore } = await import("../lib/store/prepare-store");
  const { seedDemo } = await import("../lib/seed/seed-demo");
  migrateStore();
  await seedDemo();
  const tasks = await prisma.task.findMany({ where: { origin: "demo" } });
  for (let start = 0; start < TOTAL; start += 2_000) {
    const n = Math.min(2_000, TOTAL - start);
    await prisma.preferencePair.createMany({
      data: Array.from({ length: n }, (_, i) => {
        const k = start + i;
        const t = tasks[k % tasks.length]!;
        // the first SMALL pairs are "accepted", the rest "edited": two exports of different size from one store
        return { taskId: t.id, chosenSql: t.goldSql, chosenSource: "gold", rejectedSql: `${t.goldSql} LIMIT ${k}`, status: k < SMALL ? "accepted" : "edited" };
      }),
    });
  }
  await prisma.$disconnect();
  // the last run caps the JS heap at 64 MB: the large export still completes, so what it keeps
  // alive is bounded (RSS figures above it are the garbage collector taking its time)
  for (const [name, which, heapCap] of [["small", "accepted", ""], ["large", "accepted,edited", ""], ["capped", "accepted,edited", "--max-old-space-size=64"]] as const) {
    const flags = ["--expose-gc", ...(heapCap ? [heapCap] : []), "--conditions=react-server", "--import", "tsx"];
    const child = spawnSync(process.execPath, [...flags, path.join(root, "scripts", "bench-export.mts"), "--child", name, which], { cwd: root, env: process.env, encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { rows: number; seconds: number; bytes: number; peakRssKb: number; heapAfterGcMb: number };
    console.log(
      `${name.padEnd(6)} ${String(r.rows).padStart(7)} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds)} rows/s, ` +
        `${(r.bytes / 1e6 / r.seconds).toFixed(1)} MB/s (${(r.bytes / 1e6).toFixed(0)} MB written); peak RSS of the process ${(r.peakRssKb / 1024).toFixed(0)} MB, live heap after it ${r.heapAfterGcMb.toFixed(0)} MB`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
