import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteDatabase, previewDatabaseDeletion } from "@/lib/databases/delete-database";
import { registerDatabase } from "@/lib/databases/register-database";
import { renameDatabase } from "@/lib/databases/rename-database";
import { createMutationJob } from "@/lib/jobs/create-job";
import { changeJobStatus } from "@/lib/jobs/job-control";
import { readCounters } from "@/lib/store/store-counters";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const actor = { id: null, via: "cli" as const, operator: "test" };

/** A registered database with `tasks` tasks, each with 2 candidates and a pair, and one SFT sample a task. */
async function filledDatabase(name: string, tasks: number) {
  const file = writeSqlite(
    path.join(env.dataDir, "incoming", `${name}.sqlite`),
    "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);",
  );
  const db = await registerDatabase({ name, sourceFile: file, source: "path" });
  for (let i = 0; i < tasks; i++) {
    const task = await prisma.task.create({
      data: {
        databaseId: db.id,
        question: `${name} ${i}?`,
        goldSql: "SELECT x FROM t",
        split: "dev",
        origin: "spider",
        hardness: "easy",
        sourceRef: `${name}:${i}`,
      },
    });
    const wrong = await prisma.candidate.create({
      data: { taskId: task.id, source: "mutation", sql: "SELECT 2", verdict: "wrong_result" },
    });
    await prisma.candidate.create({
      data: { taskId: task.id, source: "mutation", sql: "SELECT x FROM t", verdict: "correct" },
    });
    await prisma.preferencePair.create({
      data: {
        taskId: task.id,
        chosenSql: "SELECT x FROM t",
        chosenSource: "gold",
        rejectedSql: "SELECT 2",
        rejectedCandidateId: wrong.id,
      },
    });
    await prisma.sftSample.create({
      data: {
        databaseId: db.id,
        taskId: task.id,
        question: `${name} sample ${i}?`,
        sql: "SELECT x FROM t",
        origin: "strong",
        execStatus: "ok",
      },
    });
  }
  return db;
}

const rowsOf = async (databaseId: string) => ({
  tasks: await prisma.task.count({ where: { databaseId } }),
  samples: await prisma.sftSample.count({ where: { databaseId } }),
  candidates: await prisma.candidate.count({ where: { task: { databaseId } } }),
  pairs: await prisma.preferencePair.count({ where: { task: { databaseId } } }),
});

describe("deleteDatabase", () => {
  it("says what goes with it, deletes exactly that in batches, and keeps everything else", async () => {
    const keep = await filledDatabase("keep_me", 3);
    const doomed = await filledDatabase("doomed", 7);
    const pendingPairsBefore = (await readCounters(["pair.status"])).get("pair.status")?.get("pending") ?? 0;

    expect(await previewDatabaseDeletion("doomed")).toEqual({
      name: "doomed",
      contents: { tasks: 7, samples: 7, candidates: 14, pairs: 7 },
      blockingJobs: [],
    });
    const result = await deleteDatabase("doomed", actor, { batch: 3 });
    expect(result.deleted).toEqual({ tasks: 7, samples: 7, candidates: 14, pairs: 7 });

    expect(await prisma.targetDatabase.findUnique({ where: { name: "doomed" } })).toBeNull();
    expect(await rowsOf(doomed.id)).toEqual({ tasks: 0, samples: 0, candidates: 0, pairs: 0 });
    expect(await rowsOf(keep.id)).toEqual({ tasks: 3, samples: 3, candidates: 6, pairs: 3 });
    expect(fs.existsSync(path.join(env.databasesDir, "doomed"))).toBe(false);
    expect(fs.existsSync(path.join(env.databasesDir, "keep_me", "keep_me.sqlite"))).toBe(true);
    // the counters moved with the rows, in the same transactions
    expect((await readCounters(["pair.status"])).get("pair.status")?.get("pending")).toBe(
      pendingPairsBefore - 7,
    );
    const taskKeys = [...((await readCounters(["tasks"])).get("tasks")?.keys() ?? [])];
    expect(taskKeys.some((k) => k.startsWith(doomed.id))).toBe(false);
    expect(
      await prisma.auditEvent.findFirst({ where: { action: "database.delete", targetId: doomed.id } }),
    ).toMatchObject({ detailJson: expect.stringContaining('"tasks":7') });
  });

  it("is refused in words while an unfinished job uses the database, naming the jobs; allowed once they are cancelled", async () => {
    const db = await filledDatabase("busy", 2);
    const named = await createMutationJob({ kind: "mutation", tasks: { database: "busy" } });
    const all = await createMutationJob({ kind: "mutation", tasks: {} }); // no database named: its items say
    await changeJobStatus(all.id, "pause");
    const preview = await previewDatabaseDeletion("busy");
    expect(preview.blockingJobs.map((j) => j.id)).toEqual([named.id, all.id]);
    await expect(deleteDatabase("busy", actor)).rejects.toThrow(
      `busy cannot be deleted while jobs use it: mutation job ${named.id} (running), mutation job ${all.id} (paused). Cancel them or let them finish, then try again.`,
    );
    await expect(renameDatabase("busy", { name: "busy_2" }, actor)).rejects.toThrow(
      `busy cannot be renamed while jobs use it: mutation job ${named.id} (running)`,
    );
    expect(await rowsOf(db.id)).toEqual({ tasks: 2, samples: 2, candidates: 4, pairs: 2 });

    await changeJobStatus(named.id, "cancel");
    await changeJobStatus(all.id, "cancel");
    await expect(deleteDatabase("busy", actor)).resolves.toMatchObject({ deleted: { tasks: 2 } });
  });
});

describe("renameDatabase", () => {
  it("renames a database and moves its file; tasks stay attached; a taken name is refused with a free one suggested", async () => {
    const db = await filledDatabase("old_name", 1);
    await filledDatabase("taken", 0);
    await expect(renameDatabase("old_name", { name: "taken" }, actor)).rejects.toThrow(
      'The name "taken" is taken: a database is already registered under it. Choose another name, e.g. "taken_2".',
    );
    await expect(renameDatabase("old_name", { name: "../up" }, actor)).rejects.toThrow(
      /name may hold letters/,
    );

    const renamed = await renameDatabase("old_name", { name: "new_name" }, actor);
    expect(renamed).toMatchObject({
      id: db.id,
      name: "new_name",
      filePath: path.join("new_name", "new_name.sqlite"),
    });
    expect(fs.existsSync(path.join(env.databasesDir, "new_name", "new_name.sqlite"))).toBe(true);
    expect(fs.existsSync(path.join(env.databasesDir, "old_name"))).toBe(false);
    expect(await prisma.task.count({ where: { databaseId: db.id } })).toBe(1);
    // the old name is free again
    await expect(filledDatabase("old_name", 0)).resolves.toMatchObject({ name: "old_name" });
  });
});
