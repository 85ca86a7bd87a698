import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { startExport } from "@/lib/export/exports";
import { importFromServerFolder } from "@/lib/import/import-from-server";
import { claimJobItems, finishIdleJobs } from "@/lib/jobs/claim-job-items";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { processExportItem } from "@/lib/jobs/handlers/export-item";
import { jobExists } from "@/lib/jobs/read-job-detail";
import { listJobs } from "@/lib/jobs/read-jobs";
import { DEFAULT_MAX_ATTEMPTS, MAX_LOST_LEASES } from "@/lib/jobs/retry-policy";
import { runWorker } from "@/lib/jobs/run-worker";
import { cleanUpAfterCrashes } from "@/lib/store/start-up-cleanup";
import { ownerProcessTag } from "@/lib/store/owner-process";
import { sqlTime } from "@/lib/store/sql-time";
import { addPairs, addPortsDatabase } from "@/lib/testing/export-fixtures";
import { writeBenchmarkFolder } from "@/lib/testing/sqlite-fixtures";
import { makeTestUser } from "@/lib/testing/test-accounts";

// Dashboard exports and imports are jobs on the queue: a runner that dies while writing one leaves
// a lease that expires, and another runner (or the restarted app's) writes it again.

const run = (workerId: string) => runWorker({ workerId, stopWhenIdle: true, pollMs: 20 });

/** A runner claims the item of the file job `jobId` and dies (killed): its lease is left to expire. */
async function claimAndDie(jobId: string) {
  const [item] = await claimJobItems("killed-runner", 1, 60_000, DEFAULT_MAX_ATTEMPTS, (id) =>
    id === jobId ? 1 : 0,
  );
  expect(item).toMatchObject({ jobId });
  return item!;
}

/** The owner tag a partial file of a process that has ended carries (lib/store/owner-process.ts). */
const deadOwner = () => ownerProcessTag().replace(/-\d+$/, `-${spawnSync("true").pid}`);

/** Time passes: the dead runner's lease is over. */
const expireLeases = () =>
  prisma.$executeRaw`UPDATE job_items SET lease_expires_at = ${sqlTime(new Date(Date.now() - 1000))} WHERE status = 'leased'`;

beforeAll(async () => {
  const db = await addPortsDatabase("queue_ports");
  await addPairs(
    db.id,
    [1, 2, 3].map((i) => ({
      question: `Which port is number ${i}?`,
      sql: `SELECT name FROM ports WHERE id = ${i}`,
      rejected: `SELECT name FROM ports WHERE id <> ${i}`,
    })),
  );
});

describe("a dashboard export on the job queue", () => {
  it("survives the death of the runner writing it: start-up leaves it, another runner writes it again", async () => {
    const started = await startExport({ format: "trl-dpo" }, null);
    expect(started.jobId).not.toBeNull();
    const item = await claimAndDie(started.jobId!);
    // the dead runner had begun: a partial file of its attempt is in the export's folder
    const dir = path.join(env.dataDir, "exports", started.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(
        dir,
        `.trl-dpo-${started.id}.jsonl.${deadOwner()}.00000000-0000-4000-8000-000000000000.partial`,
      ),
      '{"prompt":',
    );
    await cleanUpAfterCrashes(); // the app starts again
    expect(await prisma.export.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      status: "running",
    });
    await expireLeases();
    await run("second-runner");
    const done = await prisma.export.findUniqueOrThrow({ where: { id: started.id } });
    expect(done).toMatchObject({ status: "done", rowCount: 3, error: null });
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".partial"))).toEqual([]);
    const lines = fs
      .readFileSync(path.join(dir, `trl-dpo-${started.id}.jsonl`), "utf8")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(3);
    expect(await prisma.jobItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("fails with why once its runner died on every attempt", async () => {
    const started = await startExport({ format: "trl-dpo" }, null);
    await claimAndDie(started.jobId!);
    await prisma.jobItem.updateMany({
      where: { jobId: started.jobId! },
      data: { attempts: DEFAULT_MAX_ATTEMPTS + MAX_LOST_LEASES },
    });
    await expireLeases();
    await finishIdleJobs();
    const failed = await prisma.export.findUniqueOrThrow({ where: { id: started.id } });
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("gave up on it");
  });

  it("is not a job of the Jobs page, its API or its controls", async () => {
    const started = await startExport({ format: "trl-dpo" }, null);
    expect((await listJobs(500)).map((j) => j.id)).not.toContain(started.jobId);
    expect(await jobExists(started.jobId!)).toBe(false);
    await expect(changeJobStatus(started.jobId!, "cancel")).rejects.toThrow(
      `No job with id "${started.jobId}"`,
    );
    await run("tidy");
  });
});

describe("a dashboard import on the job queue", () => {
  it("is done again by another runner when its runner dies, adding its tasks once", async () => {
    const admin = await makeTestUser("admin", "Queue Importer");
    const dir = writeBenchmarkFolder(
      path.join(env.importRoots[0]!, "queued-mini"),
      {
        "dev.json": [
          { db_id: "kiosk9", question: "How many?", query: "SELECT count(*) FROM t" },
          { db_id: "kiosk9", question: "Any x?", query: "SELECT x FROM t" },
        ],
      },
      { kiosk9: "CREATE TABLE t (x INTEGER);" },
    );
    const { importRun } = await importFromServerFolder(admin, { format: "spider", split: "dev", dir });
    expect(importRun).toMatchObject({ status: "running", tasksAdded: 0 });
    await claimAndDie(importRun.jobId!);
    await cleanUpAfterCrashes();
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: importRun.id } })).toMatchObject({
      status: "running",
    });
    await expireLeases();
    await run("import-runner");
    expect(await prisma.importRun.findUniqueOrThrow({ where: { id: importRun.id } })).toMatchObject({
      status: "done",
      tasksAdded: 2,
      databasesAdded: 1,
    });
    expect(await prisma.task.count({ where: { importRunId: importRun.id } })).toBe(2);
  });

  it("refuses a folder that is not a benchmark folder at once, naming what is missing", async () => {
    const admin = await makeTestUser("admin", "Queue Refused");
    const empty = path.join(env.importRoots[0]!, "not-a-benchmark");
    fs.mkdirSync(empty, { recursive: true });
    await expect(
      importFromServerFolder(admin, { format: "spider", split: "dev", dir: empty }),
    ).rejects.toThrow(/dev\.json/);
    expect(
      await prisma.job.count({ where: { kind: "import", importRuns: { some: { dirPath: empty } } } }),
    ).toBe(0);
  });
});

describe("an export attempt whose lease was lost", () => {
  const lost = { held: () => true, confirm: () => Promise.resolve(false) }; // the heartbeat has not noticed yet; the store says so

  it("puts nothing in place and leaves the row to the runner that holds it; a late one spoils nothing", async () => {
    const started = await startExport({ format: "trl-dpo" }, null);
    const dir = path.join(env.dataDir, "exports", started.id);
    await processExportItem({ exportId: started.id }, lost);
    expect(await prisma.export.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      status: "running",
    });
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]); // its partial files discarded too
    await run("holder");
    const done = await prisma.export.findUniqueOrThrow({ where: { id: started.id } });
    expect(done).toMatchObject({ status: "done", rowCount: 3 });
    const files = fs.readdirSync(dir).sort();
    await processExportItem({ exportId: started.id }, lost); // the stalled runner wakes up late
    expect(fs.readdirSync(dir).sort()).toEqual(files);
    expect(await prisma.export.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      status: "done",
    });
  });
});
