// What a killed process leaves (an import run left `running`, an export's .partial files, an
// upload's temporary file) is cleaned up when the app starts; what a live process is still doing
// is left alone. The CLI export and import here are real processes killed with SIGKILL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env, inheritedEnv } from "@/lib/env";
import { bulkInsertPairs } from "@/lib/export/bulk-fill-items";
import { seedDemo } from "@/lib/seed/seed-demo";
import { cleanUpAfterCrashes } from "@/lib/store/start-up-cleanup";
import { writeBenchmarkFolder } from "@/lib/testing/sqlite-fixtures";
import { makeTestUserWithToken } from "@/lib/testing/test-accounts";

const started: ChildProcess[] = [];
afterAll(() => started.forEach((p) => p.kill("SIGKILL")));

function sense(args: string[], token: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(env.projectRoot, "bin", "sense.mjs"), ...args], {
    cwd: env.projectRoot,
    env: { ...inheritedEnv(), SENSE_API_TOKEN: token },
    stdio: "ignore",
  });
  started.push(child);
  return child;
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGKILL to the process doing the work (bin/sense.mjs runs the CLI in a child: the row names it), then waits until it is gone. */
async function killOwner(ownerProcess: string | null, wrapper: ChildProcess): Promise<void> {
  const pid = Number(ownerProcess?.split("-")[1]);
  expect(pid).toBeGreaterThan(0);
  const wrapperExited = new Promise((resolve) => wrapper.once("exit", resolve));
  process.kill(pid, "SIGKILL");
  await waitFor(() => !isRunning(pid), 10_000, `process ${pid} to end`);
  await wrapperExited;
}

/** The pid of a process that has ended (so a row or file tagged with it is a dead process's). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}
const hostTagOf = async () => (await import("@/lib/store/owner-process")).ownerProcessTag().split("-")[0]!;

beforeAll(async () => {
  await seedDemo();
});

describe("start-up clean-up after a kill", () => {
  it("fails a CLI export killed with SIGKILL and removes its .partial files; the output file never appears", async () => {
    const tasks = await prisma.task.findMany({ select: { id: true, databaseId: true, goldSql: true } });
    bulkInsertPairs(env.dbFile, tasks, 100_000, () => "accepted");
    const researcher = await makeTestUserWithToken("researcher");
    const outDir = path.join(env.dataDir, "cli-out");
    fs.mkdirSync(outDir, { recursive: true });
    const partials = () => fs.readdirSync(outDir).filter((n) => n.endsWith(".partial"));
    const child = sense(
      ["export", "--format", "trl-dpo", "--no-dedup", "--out", path.join(outDir, "pairs.jsonl")],
      researcher.token,
    );
    await waitFor(
      () => partials().length > 0 && fs.statSync(path.join(outDir, partials()[0]!)).size > 0,
      60_000,
      "the export to write",
    );
    const row = await prisma.export.findFirstOrThrow({ where: { filePath: outDir } });
    await killOwner(row.ownerProcess, child);
    expect((await prisma.export.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("running"); // what the kill left
    expect(partials().length).toBeGreaterThan(0);

    await cleanUpAfterCrashes();
    const after = await prisma.export.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/stopped while this export was running/);
    expect(fs.readdirSync(outDir)).toEqual([]);
  }, 120_000);

  it("marks an import killed with SIGKILL failed, saying the server stopped while it ran", async () => {
    const dbs = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `kiosk_${i}`,
        `CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (${i});`,
      ]),
    );
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      db_id: `kiosk_${i % 60}`,
      question: `How many rows, number ${i}?`,
      query: `SELECT count(*) FROM t WHERE x > ${i}`,
    }));
    const dir = writeBenchmarkFolder(
      path.join(env.dataDir, "imports", "big-spider"),
      { "dev.json": records },
      dbs,
    );
    const admin = await makeTestUserWithToken("admin");
    const child = sense(["import", "spider", dir], admin.token);
    await waitFor(
      async () => (await prisma.importRun.count({ where: { dirPath: dir, status: "running" } })) > 0,
      60_000,
      "the import to start",
    );
    const run = await prisma.importRun.findFirstOrThrow({ where: { dirPath: dir } });
    await killOwner(run.ownerProcess, child);
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running"); // what the kill left

    await cleanUpAfterCrashes();
    const after = await prisma.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/server .*stopped while this import ran/i);
    expect(after.finishedAt).not.toBeNull();
  }, 120_000);

  it("removes a dead server's dashboard export folder and upload temp file, and leaves a live process's work alone", async () => {
    const host = await hostTagOf();
    const dead = `${host}-${deadPid()}`;
    const live = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    started.push(live);
    const alive = `${host}-${live.pid}`;

    const dashboard = await prisma.export.create({
      data: {
        format: "alpaca",
        status: "running",
        filtersJson: "{}",
        templateName: "sense-style",
        appVersion: "test",
        ownerProcess: dead,
      },
    });
    const dashboardDir = path.join(env.dataDir, "exports", dashboard.id);
    fs.mkdirSync(dashboardDir, { recursive: true });
    fs.writeFileSync(
      path.join(dashboardDir, `.alpaca.jsonl.${dead}.5b0e0a8e-6a4e-4a32-9f0e-0d7a7e9f3c11.partial`),
      "{}\n",
    );
    await prisma.export.update({
      where: { id: dashboard.id },
      data: { filePath: path.relative(env.dataDir, dashboardDir) },
    });

    const cliDir = path.join(env.dataDir, "cli-live");
    fs.mkdirSync(cliDir, { recursive: true });
    const livePartial = path.join(
      cliDir,
      `.pairs.jsonl.${alive}.0c1b7a52-1f7e-4a0c-8d55-1b0d1c6f2a10.partial`,
    );
    fs.writeFileSync(livePartial, "{}\n");
    const cliLive = await prisma.export.create({
      data: {
        format: "alpaca",
        status: "running",
        filtersJson: "{}",
        templateName: "sense-style",
        appVersion: "test",
        filePath: cliDir,
        ownerProcess: alive,
      },
    });
    const liveImport = await prisma.importRun.create({
      data: { format: "spider", dirPath: "/somewhere", split: "dev", status: "running", ownerProcess: alive },
    });

    const uploads = path.join(env.dataDir, "uploads");
    fs.mkdirSync(uploads, { recursive: true });
    const deadUpload = path.join(uploads, `upload-${dead}-2f7b3c1d-0e4a-4b5c-9d6e-7f8a9b0c1d2e.partial`);
    const liveUpload = path.join(uploads, `upload-${alive}-3a8c4d2e-1f5b-4c6d-8e7f-9a0b1c2d3e4f.partial`);
    fs.writeFileSync(deadUpload, "SQLite format 3\u0000");
    fs.writeFileSync(liveUpload, "SQLite format 3\u0000");

    const copies = path.join(env.databasesDir, "half_copied");
    fs.mkdirSync(copies, { recursive: true });
    const deadCopy = path.join(
      copies,
      `half_copied.sqlite.partial-${dead}-4b9d5e3f-2a6c-4d7e-9f80-a1b2c3d4e5f6`,
    );
    const liveCopy = path.join(
      copies,
      `half_copied.sqlite.partial-${alive}-5cae6f40-3b7d-4e8f-a091-b2c3d4e5f607`,
    );
    fs.writeFileSync(deadCopy, "SQLite format 3\u0000");
    fs.writeFileSync(liveCopy, "SQLite format 3\u0000");

    await cleanUpAfterCrashes();
    expect(fs.existsSync(deadCopy)).toBe(false);
    expect(fs.existsSync(liveCopy)).toBe(true);
    expect((await prisma.export.findUniqueOrThrow({ where: { id: dashboard.id } })).status).toBe("failed");
    expect(fs.existsSync(dashboardDir)).toBe(false);
    expect(fs.existsSync(deadUpload)).toBe(false);
    // a process that still runs keeps its work
    expect((await prisma.export.findUniqueOrThrow({ where: { id: cliLive.id } })).status).toBe("running");
    expect(fs.existsSync(livePartial)).toBe(true);
    expect((await prisma.importRun.findUniqueOrThrow({ where: { id: liveImport.id } })).status).toBe(
      "running",
    );
    expect(fs.existsSync(liveUpload)).toBe(true);
  });
});
