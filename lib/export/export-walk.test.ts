import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bulkInsertPairs, bulkInsertSamples, type BulkTask } from "@/lib/export/bulk-fill-items";
import {
  exportRequestSchema,
  type ExportRequest,
  type ExportRequestInput,
} from "@/lib/export/export-selection";
import { exportToFile } from "@/lib/export/exports";
import { mergeById } from "@/lib/export/merge-by-id";
import { countExportItems, exportDatabaseIds, readExportItems } from "@/lib/export/read-export-records";

// An export walks each status on its own and merges the walks: over selections that span several
// statuses and several pages of each, every selected item comes out exactly once, in id order, and
// the selection is the one the Prisma where-objects of the previous reader chose (kept here as
// the reference).

const N = 2_600; // 650 a status: more than a page (500) of each
const STATUSES = ["accepted", "edited", "pending", "rejected"] as const;

const endOfDay = (d: string) => new Date(new Date(d).getTime() + 24 * 3600 * 1000);
function dateWhere(r: ExportRequest) {
  if (!r.from && !r.to) return {};
  const range = { ...(r.from ? { gte: new Date(r.from) } : {}), ...(r.to ? { lt: endOfDay(r.to) } : {}) };
  return { OR: [{ reviewedAt: range }, { reviewedAt: null, createdAt: range }] };
}
const SOURCE: Record<string, string> = { weak: "weak-model", mutation: "mutation" };
const referencePairs = (r: ExportRequest): Prisma.PreferencePairWhereInput => ({
  status: { in: r.statuses },
  ...(r.job ? { jobId: r.job } : {}),
  task: {
    AND: [
      r.database ? { database: { name: r.database } } : {},
      r.difficulty
        ? { OR: [{ difficulty: r.difficulty }, { difficulty: null, hardness: r.difficulty }] }
        : {},
    ],
  },
  AND: [
    !r.origin
      ? {}
      : r.origin === "imported"
        ? { jobId: null, rejectedCandidateId: null }
        : {
            OR: [
              { job: { kind: r.origin } },
              { jobId: null, rejectedCandidate: { source: SOURCE[r.origin] ?? r.origin } },
            ],
          },
    dateWhere(r),
  ],
});
const referenceSamples = (r: ExportRequest): Prisma.SftSampleWhereInput => ({
  status: { in: r.statuses },
  execStatus: "ok",
  ...(r.origin ? { origin: r.origin } : {}),
  ...(r.job ? { jobId: r.job } : {}),
  ...(r.database ? { database: { name: r.database } } : {}),
  ...(r.difficulty ? { difficulty: r.difficulty } : {}),
  ...dateWhere(r),
});

let weakJob = "";
beforeAll(async () => {
  const tasks: BulkTask[] = [];
  for (const name of ["walk_a", "walk_b", "walk_c"]) {
    const db = await prisma.targetDatabase.create({ data: { name, source: "path", fileStatus: "missing" } });
    for (let i = 0; i < 7; i++) {
      const t = await prisma.task.create({
        data: {
          databaseId: db.id,
          question: `Q ${i} on ${name}?`,
          goldSql: `SELECT ${i}`,
          difficulty: i % 3 ? "easy" : null,
          hardness: i % 2 ? "easy" : "hard",
          split: "train",
          origin: "spider",
          sourceRef: `walk:${name}:${i}`,
        },
      });
      tasks.push({ id: t.id, databaseId: db.id, goldSql: t.goldSql });
    }
  }
  bulkInsertPairs(env.dbFile, tasks, N, (k) => STATUSES[k % 4]!);
  bulkInsertSamples(env.dbFile, tasks, N, (k) => STATUSES[k % 4]!);
  // some of each kind of origin, an old review date, an edited side, a sample that did not run
  weakJob = (await prisma.job.create({ data: { kind: "weak", status: "done", configJson: "{}" } })).id;
  const pairs = await prisma.preferencePair.findMany({
    orderBy: { id: "asc" },
    select: { id: true, taskId: true },
  });
  const mutation = await prisma.candidate.create({
    data: { taskId: pairs[0]!.taskId, source: "mutation", verdict: "wrong_result" },
  });
  await prisma.preferencePair.updateMany({
    where: { id: { in: pairs.filter((_, i) => i % 7 === 0).map((p) => p.id) } },
    data: { jobId: weakJob },
  });
  await prisma.preferencePair.updateMany({
    where: { id: { in: pairs.filter((_, i) => i % 11 === 0).map((p) => p.id) } },
    data: { rejectedCandidateId: mutation.id },
  });
  await prisma.preferencePair.updateMany({
    where: { id: { in: pairs.filter((_, i) => i % 5 === 0).map((p) => p.id) } },
    data: { reviewedAt: new Date("2020-06-01"), finalChosenSql: "SELECT 'edited'" },
  });
  const samples = await prisma.sftSample.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  await prisma.sftSample.updateMany({
    where: { id: { in: samples.filter((_, i) => i % 9 === 0).map((s) => s.id) } },
    data: { execStatus: "error", origin: "manual" },
  });
  await prisma.sftSample.updateMany({
    where: { id: { in: samples.filter((_, i) => i % 3 === 0).map((s) => s.id) } },
    data: { difficulty: "hard" },
  });
  await prisma.sftSample.updateMany({
    where: { id: { in: samples.filter((_, i) => i % 5 === 0).map((s) => s.id) } },
    data: { reviewedAt: new Date("2020-06-01"), jobId: weakJob },
  });
}, 60_000);

async function exportedIds(kind: "sft" | "pairs", r: ExportRequest): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of readExportItems(kind, r)) ids.push(...page.map((i) => i.id));
  return ids;
}

const SELECTIONS: ExportRequestInput[] = [
  { format: "trl-dpo" },
  { format: "trl-dpo", statuses: ["accepted", "edited", "rejected"] },
  { format: "trl-dpo", statuses: [...STATUSES] },
  { format: "trl-dpo", statuses: ["pending", "accepted"], origin: "weak" },
  { format: "trl-dpo", statuses: [...STATUSES], origin: "mutation" },
  { format: "trl-dpo", statuses: ["edited", "rejected"], origin: "imported", database: "walk_b" },
  { format: "trl-dpo", statuses: [...STATUSES], difficulty: "easy", from: "2021-01-01" },
  { format: "trl-dpo", statuses: ["accepted", "edited"], to: "2020-06-01", job: "weak" },
  { format: "alpaca" },
  { format: "alpaca", statuses: [...STATUSES], origin: "strong", difficulty: "hard" },
  { format: "alpaca", statuses: ["accepted", "rejected", "pending"], database: "walk_c", from: "2021-01-01" },
  { format: "alpaca", statuses: ["edited", "accepted"], to: "2020-06-01", job: "weak" },
];

describe("an export over several statuses and several pages", () => {
  for (const input of SELECTIONS) {
    it(`${JSON.stringify(input)}: every selected item once, in id order, the previous reader's selection`, async () => {
      const r = exportRequestSchema.parse({ ...input, job: input.job === "weak" ? weakJob : input.job });
      const kind = r.format === "alpaca" ? "sft" : "pairs";
      const expected =
        kind === "sft"
          ? await prisma.sftSample.findMany({
              where: referenceSamples(r),
              orderBy: { id: "asc" },
              select: { id: true, databaseId: true },
            })
          : (
              await prisma.preferencePair.findMany({
                where: referencePairs(r),
                orderBy: { id: "asc" },
                select: { id: true, task: { select: { databaseId: true } } },
              })
            ).map((p) => ({ id: p.id, databaseId: p.task.databaseId }));
      expect(expected.length).toBeGreaterThan(0);
      expect(await exportedIds(kind, r)).toEqual(expected.map((e) => e.id));
      expect(await countExportItems(kind, r)).toBe(expected.length);
      expect(await exportDatabaseIds(kind, r)).toEqual(
        [...new Set(expected.map((e) => e.databaseId))].sort(),
      );
    });
  }

  it("writes each of 1,950 pairs of three statuses once, as the previous reader ordered them", async () => {
    const r = exportRequestSchema.parse({
      format: "trl-dpo",
      statuses: ["accepted", "edited", "rejected"],
      dedup: false,
    });
    const file = path.join(env.dataDir, "out", "walk.jsonl");
    const done = await exportToFile(r, file);
    const rejected = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { rejected: string }).rejected);
    const expected = await prisma.preferencePair.findMany({
      where: { status: { in: r.statuses } },
      orderBy: { id: "asc" },
      select: { rejectedSql: true },
    });
    expect(done.rowCount).toBe(1_950);
    expect(rejected).toEqual(expected.map((p) => p.rejectedSql)); // each pair's rejected SQL is its own ("… LIMIT k")
    expect(new Set(rejected).size).toBe(1_950);
  });
});

describe("merging the walks", () => {
  async function* pages(...batches: string[][]) {
    for (const b of batches) yield b.map((id) => ({ id }));
  }

  it("orders by id across streams and passes an id met in two streams (a status changed between reads) once", async () => {
    const merged: string[] = [];
    for await (const page of mergeById([pages(["a", "d"], ["f"]), pages([], ["b", "d", "e"]), pages()], 2)) {
      expect(page.length).toBeLessThanOrEqual(2);
      merged.push(...page.map((i) => i.id));
    }
    expect(merged).toEqual(["a", "b", "d", "e", "f"]);
  });
});
