import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { EXPORT_FORMAT_NAMES } from "@/lib/export/export-formats";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { FROM, otherFilters } from "@/lib/export/export-selection-sql";
import { queueFilterSql } from "@/lib/review/queue-sql";

// One definition of an item's origin and difficulty: the review filter (claims, Browse) and the
// export filter select the same rows for every value, over a store with every kind of task and pair.

const LEVELS = ["easy", "medium", "hard", "extra", "simple", "moderate", "challenging"];
const PAIR_ORIGINS = ["weak", "mutation", "imported"];

beforeAll(async () => {
  const db = await prisma.targetDatabase.create({ data: { name: "facets_db", source: "demo", fileStatus: "ok" } });
  const weak = await prisma.job.create({ data: { kind: "weak", status: "done", configJson: "{}" } });
  const mutation = await prisma.job.create({ data: { kind: "mutation", status: "done", configJson: "{}" } });
  const tasks = [
    { origin: "spider", difficulty: null, hardness: "easy" }, // Spider: hardness only
    { origin: "spider", difficulty: null, hardness: "extra" },
    { origin: "bird", difficulty: "simple", hardness: "easy" }, // BIRD: both
    { origin: "bird", difficulty: "challenging", hardness: "medium" },
    { origin: "strong", difficulty: "hard", hardness: "medium" }, // synthesized levels
    { origin: "strong", difficulty: "easy", hardness: "hard" },
    { origin: "demo", difficulty: null, hardness: null }, // no level at all
  ];
  let n = 0;
  for (const t of tasks) {
    const task = await prisma.task.create({ data: { ...t, databaseId: db.id, question: `Q${n}?`, goldSql: "SELECT 1", split: "train", sourceRef: `facets:${n++}` } });
    // a pair of each origin: from a weak job, a mutation job, each of those with its job deleted, and imported
    for (const [job, source] of [[weak.id, "weak-model"], [mutation.id, "mutation"], [null, "weak-model"], [null, "mutation"], [null, null]] as const) {
      const candidate = source ? await prisma.candidate.create({ data: { taskId: task.id, jobId: job, source, sql: "SELECT 2", verdict: "wrong_result" } }) : null;
      await prisma.preferencePair.create({ data: { taskId: task.id, jobId: job, chosenSql: "SELECT 1", chosenSource: "gold", rejectedSql: "SELECT 2", rejectedCandidateId: candidate?.id ?? null } });
    }
    for (const origin of ["strong", "imported", "manual"]) {
      await prisma.sftSample.create({ data: { databaseId: db.id, question: `S${n}-${origin}?`, sql: "SELECT 1", origin, execStatus: "ok", difficulty: t.difficulty ?? t.hardness } });
    }
  }
});

type Facets = { difficulty?: string; origin?: string };

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function reviewRows(queue: "sft" | "pairs", f: Facets) {
  const table = queue === "sft" ? "sft_samples" : "preference_pairs";
  const where = queueFilterSql(queue, f, { reviewableOnly: false });
  return ids(await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM ${table} WHERE ${where.sql}`, ...where.values));
}

async function exportRows(queue: "sft" | "pairs", f: Facets) {
  const kind = queue === "sft" ? "sft" : "preference";
  const parts = otherFilters(kind, exportRequestSchema.parse({ format: EXPORT_FORMAT_NAMES[0], ...f }));
  const alias = kind === "sft" ? "s" : "p";
  const where = parts.length ? parts.map((p) => p.sql).join(" AND ") : "1 = 1";
  return ids(await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT ${alias}.id FROM ${FROM[kind]} WHERE ${where}`, ...parts.flatMap((p) => p.params)));
}

describe("an item's origin and difficulty, as filters", () => {
  for (const difficulty of LEVELS) {
    it(`review and export select the same pairs for difficulty ${difficulty}`, async () => {
      expect(await reviewRows("pairs", { difficulty })).toEqual(await exportRows("pairs", { difficulty }));
    });
  }
  for (const origin of PAIR_ORIGINS) {
    it(`review and export select the same pairs for origin ${origin}`, async () => {
      expect(await reviewRows("pairs", { origin })).toEqual(await exportRows("pairs", { origin }));
    });
  }
  for (const f of [...LEVELS.map((difficulty) => ({ difficulty })), ...["strong", "imported", "manual"].map((origin) => ({ origin }))]) {
    it(`review and export select the same samples for ${JSON.stringify(f)}`, async () => {
      expect(await reviewRows("sft", f)).toEqual(await exportRows("sft", f));
    });
  }
});
