import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { exportToFile, previewExport } from "@/lib/export/exports";
import { addPairs, addPortsDatabase, addSamples, itemsOn, readLines } from "@/lib/testing/export-fixtures";
import { lineText } from "@/lib/testing/exported-lines";

// Dedup and the train/validation split on what a trainer sees: databases with identical schemas
// render identical prompts, so the same item on them is one example, and they stay on one side.

const out = (name: string) => path.join(env.dataDir, "split", name);
const dbOf = (text: string) => /in (\w+)\?/.exec(text)?.[1];
const shared = {
  question: "How many ports are there?",
  sql: "SELECT count(*) FROM ports",
  rejected: "SELECT count(*) FROM ports WHERE id > 1",
};
const ROWS = { rows_a: 40, rows_b: 24, rows_c: 12, rows_d: 10, rows_e: 6, rows_f: 4, rows_g: 2, rows_h: 2 };

beforeAll(async () => {
  // three databases of one schema (strong jobs make such), each with its own items and one they share
  for (const name of ["twin_a", "twin_b", "twin_c"]) {
    const db = await addPortsDatabase(name);
    await addSamples(db.id, [...itemsOn(name, 4), shared]);
  }
  // four more schemas, one table each under another name
  for (const [i, name] of ["solo_a", "solo_b", "solo_c", "solo_d"].entries()) {
    const db = await addPortsDatabase(name, `harbours_${i}`);
    await addSamples(db.id, itemsOn(name, 3 + i, `harbours_${i}`));
  }
  // pairs: eight schemas of 40, 24, 12, 10, 6, 4, 2 and 2 rows
  for (const [i, [name, n]] of Object.entries(ROWS).entries()) {
    const db = await addPortsDatabase(name, `docks_${i}`);
    await addPairs(db.id, itemsOn(name, n, `docks_${i}`));
  }
});

describe("dedup across the whole export", () => {
  it("writes the same rendered example once, whichever of the identical schemas it came from", async () => {
    const done = await exportToFile({ format: "messages", origin: "strong" }, out("dedup.jsonl"));
    const manifest = JSON.parse(done.manifestJson!);
    const rows = readLines(out("dedup.jsonl"));
    const examples = rows.map((r) => JSON.stringify(r.messages));
    expect(new Set(examples).size).toBe(examples.length);
    expect(rows.length).toBe(3 * 4 + 1 + (3 + 4 + 5 + 6));
    expect(manifest.counts.duplicatesDropped).toBe(2);
  });

  it("keeps the same question on databases whose schemas differ (their prompts differ)", async () => {
    const [a, b] = await prisma.targetDatabase.findMany({
      where: { name: { in: ["solo_a", "solo_b"] } },
      orderBy: { name: "asc" },
    });
    await addSamples(a!.id, [
      { question: "How many rows?", sql: "SELECT count(*) FROM harbours_0", status: "pending" },
    ]);
    await addSamples(b!.id, [
      { question: "How many rows?", sql: "SELECT count(*) FROM harbours_0", status: "pending" },
    ]);
    const done = await exportToFile({ format: "alpaca", statuses: ["pending"] }, out("two-schemas.jsonl"));
    expect(done.rowCount).toBe(2);
  });
});

describe("the split by schema", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: databases of one schema on one side, no prompt on both sides, as the manifest reports`, async () => {
      const done = await exportToFile(
        { format: "messages", origin: "strong", validationFraction: 0.3, seed },
        out(`schema-${seed}.jsonl`),
      );
      expect(done.error).toBeNull();
      const manifest = JSON.parse(done.manifestJson!);
      const side = (file: string) => readLines(out(file)).map((r) => lineText("messages", r).user);
      const train = side(`schema-${seed}-train.jsonl`);
      const validation = side(`schema-${seed}-validation.jsonl`);
      expect(train.filter((p) => validation.includes(p))).toEqual([]);
      const twinsIn = (prompts: string[]) => new Set(prompts.map(dbOf).filter((d) => d?.startsWith("twin_")));
      expect(twinsIn(train).size === 0 || twinsIn(validation).size === 0).toBe(true);
      expect(manifest.split).toMatchObject({
        promptsOnBothSides: 0,
        rows: { train: train.length, validation: validation.length },
      });
    });
  }
});

describe("the held-out share of rows", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: --validation 0.1 over databases of 40, 24, 12, 10, 6, 4, 2, 2 rows holds out 7.5–12.5% of the rows`, async () => {
      const done = await exportToFile(
        { format: "trl-dpo", validationFraction: 0.1, seed },
        out(`share-${seed}.jsonl`),
      );
      expect(done.error).toBeNull();
      const held = readLines(out(`share-${seed}-validation.jsonl`)).length;
      const all = held + readLines(out(`share-${seed}-train.jsonl`)).length;
      expect(all).toBe(100);
      expect(held).toBeGreaterThanOrEqual(7.5);
      expect(held).toBeLessThanOrEqual(12.5);
    });
  }

  it("shows the rows of each side in the preview, as the export then writes them", async () => {
    const request = { format: "trl-dpo" as const, validationFraction: 0.2, seed: 3 };
    const preview = await previewExport(request);
    expect(preview.split).toMatchObject({
      requested: 0.2,
      rows: { train: expect.any(Number), validation: expect.any(Number) },
    });
    const done = await exportToFile(request, out("preview-sides.jsonl"));
    expect(preview.split!.rows).toEqual({
      train: readLines(out("preview-sides-train.jsonl")).length,
      validation: readLines(out("preview-sides-validation.jsonl")).length,
    });
    expect(JSON.parse(done.manifestJson!).split.rows).toEqual(preview.split!.rows);
  });

  it("refuses a split that cannot come near the request, saying why, and writes nothing", async () => {
    const before = await prisma.export.count();
    await expect(
      exportToFile({ format: "trl-dpo", database: "rows_a", validationFraction: 0.1 }, out("one.jsonl")),
    ).rejects.toThrow("needs at least two distinct schemas; this selection has 1 schema (1 database)");
    await expect(
      previewExport({ format: "messages", origin: "strong", database: "twin_a", validationFraction: 0.2 }),
    ).rejects.toThrow("needs at least two distinct schemas; this selection has 1 schema (1 database)");
    // the twins alone: three databases, one schema
    await prisma.sftSample.updateMany({
      where: { database: { name: { startsWith: "solo_" } } },
      data: { status: "rejected" },
    });
    await expect(
      exportToFile({ format: "messages", validationFraction: 0.2 }, out("twins.jsonl")),
    ).rejects.toThrow(
      "needs at least two distinct schemas; this selection has 1 schema (3 databases share it: twin_a, twin_b, twin_c)",
    );
    await prisma.sftSample.updateMany({
      where: { database: { name: { startsWith: "solo_" } } },
      data: { status: "accepted" },
    });
    // two schemas of 40 and 24 rows: the closest split holds out 24 of 64 rows (37.5%)
    await prisma.preferencePair.updateMany({
      where: { task: { database: { name: { notIn: ["rows_a", "rows_b"] } } } },
      data: { status: "pending" },
    });
    await expect(
      exportToFile({ format: "trl-dpo", validationFraction: 0.1 }, out("far.jsonl")),
    ).rejects.toThrow(/holds out 24 of 64 rows \(37\.5%\); a validation share of 0\.1 allows 7\.5–12\.5%/);
    await prisma.preferencePair.updateMany({ where: { status: "pending" }, data: { status: "accepted" } });
    expect(await prisma.export.count()).toBe(before);
    expect(fs.readdirSync(path.join(env.dataDir, "split")).filter((f) => /^(one|twins|far)/.test(f))).toEqual(
      [],
    );
  });
});
