import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { EXPORT_FORMAT_NAMES, formatOf } from "@/lib/export/export-formats";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { FROM, otherFilters } from "@/lib/export/export-selection-sql";
import { PAIR_ORIGINS, SFT_ORIGINS, pairDifficulty, pairOrigin } from "@/lib/items/item-facets";
import { pairFacetsWhere, sftFacetsWhere } from "@/lib/items/item-facets-where";
import { queueFilterSql } from "@/lib/review/queue-sql";

// One definition of an item's origin and difficulty: the Prisma where, the review filter (claims,
// Browse: raw SQL) and the export filter (raw SQL) select the same rows for every value, and those
// are the rows whose shown origin or difficulty is that value — over a store with every kind of
// task (Spider: hardness only; BIRD: difficulty and hardness; synthesized; none) and of pair.

const LEVELS = ["easy", "medium", "hard", "extra", "simple", "moderate", "challenging"];

beforeAll(async () => {
  const db = await prisma.targetDatabase.create({
    data: { name: "facets_db", source: "demo", fileStatus: "ok" },
  });
  const weak = await prisma.job.create({ data: { kind: "weak", status: "done", configJson: "{}" } });
  const mutation = await prisma.job.create({ data: { kind: "mutation", status: "done", configJson: "{}" } });
  const tasks = [
    { origin: "spider", difficulty: null, hardness: "easy" }, // Spider: hardness only
    { origin: "spider", difficulty: null, hardness: "medium" },
    { origin: "spider", difficulty: null, hardness: "extra" },
    { origin: "bird", difficulty: "simple", hardness: "easy" }, // BIRD: both
    { origin: "bird", difficulty: "moderate", hardness: "hard" },
    { origin: "bird", difficulty: "challenging", hardness: "medium" },
    { origin: "strong", difficulty: "hard", hardness: "medium" }, // synthesized levels
    { origin: "strong", difficulty: "easy", hardness: "hard" },
    { origin: "demo", difficulty: null, hardness: null }, // no level at all
  ];
  let n = 0;
  for (const t of tasks) {
    const task = await prisma.task.create({
      data: {
        ...t,
        databaseId: db.id,
        question: `Q${n}?`,
        goldSql: "SELECT 1",
        split: "train",
        sourceRef: `facets:${n++}`,
      },
    });
    // a pair of each origin: from a weak job, a mutation job, each of those with its job deleted, and imported
    for (const [job, source] of [
      [weak.id, "weak-model"],
      [mutation.id, "mutation"],
      [null, "weak-model"],
      [null, "mutation"],
      [null, null],
    ] as const) {
      const candidate = source
        ? await prisma.candidate.create({
            data: { taskId: task.id, jobId: job, source, sql: "SELECT 2", verdict: "wrong_result" },
          })
        : null;
      await prisma.preferencePair.create({
        data: {
          taskId: task.id,
          jobId: job,
          chosenSql: "SELECT 1",
          chosenSource: "gold",
          rejectedSql: "SELECT 2",
          rejectedCandidateId: candidate?.id ?? null,
        },
      });
    }
    for (const origin of ["strong", "imported", "manual"]) {
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: `S${n}-${origin}?`,
          sql: "SELECT 1",
          origin,
          execStatus: "ok",
          difficulty: t.difficulty ?? t.hardness,
        },
      });
    }
  }
});

type Facets = { difficulty?: string; origin?: string };

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function reviewRows(queue: "sft" | "pairs", f: Facets) {
  const table = queue === "sft" ? "sft_samples" : "preference_pairs";
  const where = queueFilterSql(queue, f, { reviewableOnly: false });
  return ids(
    await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM ${table} WHERE ${where.sql}`,
      ...where.values,
    ),
  );
}

async function exportRows(queue: "sft" | "pairs", f: Facets) {
  const kind = queue;
  const parts = otherFilters(
    kind,
    exportRequestSchema.parse({
      format: EXPORT_FORMAT_NAMES.find((name) => formatOf(name).kind === kind),
      ...f,
    }),
  );
  const alias = kind === "sft" ? "s" : "p";
  const where = parts.length ? parts.map((p) => p.sql).join(" AND ") : "1 = 1";
  return ids(
    await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT ${alias}.id FROM ${FROM[kind]} WHERE ${where}`,
      ...parts.flatMap((p) => p.params),
    ),
  );
}

async function prismaRows(queue: "sft" | "pairs", f: Facets) {
  if (queue === "sft")
    return ids(await prisma.sftSample.findMany({ where: sftFacetsWhere(f), select: { id: true } }));
  return ids(await prisma.preferencePair.findMany({ where: pairFacetsWhere(f), select: { id: true } }));
}

/** The pairs whose origin and difficulty, as the views and exports show them, match the filter. */
async function shownRows(f: Facets) {
  const pairs = await prisma.preferencePair.findMany({
    include: { task: true, job: true, rejectedCandidate: true },
  });
  const shown = pairs.filter(
    (p) =>
      (!f.difficulty || pairDifficulty(p.task) === f.difficulty) &&
      (!f.origin || pairOrigin(p.job?.kind, p.rejectedCandidate?.source) === f.origin),
  );
  return ids(shown);
}

describe("an item's origin and difficulty, as filters", () => {
  const pairFilters: Facets[] = [
    ...LEVELS.map((difficulty) => ({ difficulty })),
    ...PAIR_ORIGINS.map((origin) => ({ origin })),
    { difficulty: "easy", origin: "weak" },
    { difficulty: "simple", origin: "imported" },
  ];
  for (const f of pairFilters) {
    it(`the Prisma where, review, export and the shown values agree on pairs for ${JSON.stringify(f)}`, async () => {
      const expected = await shownRows(f);
      expect(expected.length).toBeGreaterThan(0);
      expect(await prismaRows("pairs", f)).toEqual(expected);
      expect(await reviewRows("pairs", f)).toEqual(expected);
      expect(await exportRows("pairs", f)).toEqual(expected);
    });
  }
  it("a BIRD task's pairs are under its difficulty, not its hardness; a jobless weak pair is weak, not weak-model", async () => {
    const bird = await prisma.task.findFirstOrThrow({
      where: { origin: "bird", difficulty: "simple" },
      select: { id: true },
    });
    expect(await reviewRows("pairs", { difficulty: "easy" })).not.toContain(
      (await prisma.preferencePair.findFirstOrThrow({ where: { taskId: bird.id } })).id,
    );
    const jobless = await prisma.preferencePair.findFirstOrThrow({
      where: { jobId: null, rejectedCandidate: { source: "weak-model" } },
    });
    expect(await reviewRows("pairs", { origin: "weak" })).toContain(jobless.id);
  });
  for (const f of [
    ...LEVELS.map((difficulty) => ({ difficulty })),
    ...SFT_ORIGINS.map((origin) => ({ origin })),
  ]) {
    it(`the Prisma where, review and export agree on samples for ${JSON.stringify(f)}`, async () => {
      const expected = await prismaRows("sft", f);
      expect(await reviewRows("sft", f)).toEqual(expected);
      expect(await exportRows("sft", f)).toEqual(expected);
    });
  }
});
