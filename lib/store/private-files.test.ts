// The data directory is the owner's alone: folders 0700, the store (and its WAL and shared-memory
// files), uploads and exports 0600, whatever the umask of whoever started the process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env, inheritedEnv } from "@/lib/env";
import { exportToFile } from "@/lib/export/exports";
import { spawnWorkerProcess } from "@/lib/jobs/worker-process";
import { seedDemo } from "@/lib/seed/seed-demo";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sense-modes-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Environment for a process on a store of its own under `dataDir`, started with a permissive umask. */
const storeEnv = (dataDir: string) => ({
  SENSE_DATA_DIR: dataDir,
  SENSE_DB_FILE: path.join(dataDir, "sense.db"),
  SENSE_IMPORT_ROOTS: path.join(dataDir, "imports"),
  SENSE_SEED_DEMO: "0",
});

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe("file modes", () => {
  it("a fresh store made by a real process: data folder 0700, store, WAL and shared-memory files 0600", async () => {
    const dataDir = path.join(scratch, "fresh", "data");
    const previous = process.umask(0o022); // the usual umask: files 0644 and folders 0755 unless we say otherwise
    const worker = spawnWorkerProcess(storeEnv(dataDir), "ignore");
    process.umask(previous);
    try {
      const db = path.join(dataDir, "sense.db");
      await waitFor(
        () => fs.existsSync(`${db}-wal`) && fs.existsSync(`${db}-shm`),
        60_000,
        "the runner to open its store",
      );
      expect(modeOf(dataDir).toString(8)).toBe("700");
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(file).toString(8), file).toBe("600");
    } finally {
      worker.kill("SIGKILL");
    }
  }, 90_000);

  it("tightens an existing store's loose modes when a process starts on it", () => {
    const dataDir = path.join(scratch, "loose");
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const db = path.join(dataDir, "sense.db");
    new Database(db).close();
    fs.chmodSync(db, 0o644);
    const result = spawnSync(process.execPath, [path.join(env.projectRoot, "bin", "sense.mjs"), "migrate"], {
      env: { ...inheritedEnv(), ...storeEnv(dataDir) },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(modeOf(dataDir).toString(8)).toBe("700");
    expect(modeOf(db).toString(8)).toBe("600");
  }, 60_000);

  it("writes export files for their owner only (finished files read-only: 0400; dataset_info.json, which later exports add to, 0600)", async () => {
    await seedDemo();
    await prisma.sftSample.create({
      data: {
        databaseId: (await prisma.targetDatabase.findFirstOrThrow()).id,
        question: "How many books?",
        sql: "SELECT count(*) FROM books",
        origin: "strong",
        execStatus: "ok",
        status: "accepted",
      },
    });
    const previous = process.umask(0o022);
    try {
      const file = path.join(env.dataDir, "modes-out", "samples.jsonl");
      const done = await exportToFile({ format: "alpaca" }, file);
      expect(done.status).toBe("done");
      const written = fs.readdirSync(path.dirname(file)).sort();
      expect(written).toEqual(
        expect.arrayContaining([
          "dataset_info.json",
          "samples.jsonl",
          "samples.manifest.json",
          "samples.trace.jsonl",
        ]),
      );
      for (const name of written)
        expect(modeOf(path.join(path.dirname(file), name)) & 0o077, `${name} is readable by others`).toBe(0);
      expect(modeOf(file).toString(8)).toBe("400");
      expect(modeOf(path.join(path.dirname(file), "dataset_info.json")).toString(8)).toBe("600");
    } finally {
      process.umask(previous);
    }
  });
});
