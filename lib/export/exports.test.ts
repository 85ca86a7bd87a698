import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { registerDatabase } from "@/lib/databases/register-database";
import { env } from "@/lib/env";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES } from "@/lib/export/export-formats";
import { cancelExport, exportToFile, listExports, previewExport, startExport } from "@/lib/export/exports";
import { runWorker } from "@/lib/jobs/run-worker";
import crypto from "node:crypto";
import { LLAMA_FACTORY_ENTRIES, TRAINER_ROW_SCHEMAS } from "@/lib/export/trainer-schemas";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

const DBS = ["ports_a", "ports_b", "ports_c", "ports_d"]; // each schema its own (a column named after it): a split keeps identical schemas together
const out = (name: string) => path.join(env.dataDir, "out", name);
const lines = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  for (const [i, name] of DBS.entries()) {
    const file = writeSqlite(
      path.join(env.dataDir, "src", `${name}.sqlite`),
      `CREATE TABLE ports (id INTEGER PRIMARY KEY, name TEXT, country TEXT, ${name}_note TEXT); INSERT INTO ports VALUES (1, 'Harwich', 'UK', NULL), (2, 'Hook', 'NL', NULL);`,
    );
    const db = await registerDatabase({ name, sourceFile: file, source: "path" });
    for (let q = 0; q < 5; q++) {
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: `How many ports are there in country ${q} of ${name}?`,
          sql: `SELECT count(*) FROM ports WHERE id > ${q}`,
          origin: "strong",
          execStatus: "ok",
          status: q === 4 ? "pending" : "accepted",
          difficulty: "easy",
        },
      });
      const task = await prisma.task.create({
        data: {
          databaseId: db.id,
          question: `Which ports are in ${name} ${q}?`,
          evidence: q === 0 ? "ports means harbours" : null,
          goldSql: `SELECT name FROM ports WHERE id = ${q}`,
          split: "train",
          origin: "spider",
          sourceRef: `t:${name}:${q}`,
        },
      });
      await prisma.preferencePair.create({
        data: {
          taskId: task.id,
          chosenSql: task.goldSql,
          chosenSource: "gold",
          rejectedSql: `SELECT name FROM ports WHERE id <> ${q}`,
          status: q === 3 ? "rejected" : "accepted",
        },
      });
    }
    if (i === 0) {
      // the same sample again, typed differently: dedup drops it
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: "how many ports are there in country 0 of ports_a",
          sql: "select count(*)  from ports where id > 0",
          origin: "strong",
          execStatus: "ok",
          status: "edited",
          editedSql: "select COUNT(*) from ports where id > 0",
        },
      });
    }
  }
});

describe("every export format", () => {
  for (const name of EXPORT_FORMAT_NAMES) {
    it(`${name}: each line fits the trainer's documented row shape, and the file round-trips to the manifest's count`, async () => {
      const done = await exportToFile({ format: name }, out(`${name}.jsonl`));
      expect(done).toMatchObject({ status: "done", error: null });
      const manifest = JSON.parse(done.manifestJson!);
      const rows = lines(out(`${name}.jsonl`));
      for (const row of rows) TRAINER_ROW_SCHEMAS[name].parse(row);
      expect(rows.length).toBe(manifest.counts.written);
      expect(manifest.files).toEqual([
        expect.objectContaining({ split: "train", name: `${name}.jsonl`, rows: rows.length }),
      ]);
      const kind = EXPORT_FORMATS[name].kind;
      expect(rows.length).toBe(16); // 4 databases x 4 accepted or edited items (SFT: one duplicate dropped; pairs: one rejected left out)
      if (kind === "sft") expect(manifest.counts.duplicatesDropped).toBe(1);
      const fromManifest = JSON.parse(fs.readFileSync(out(`${name}.manifest.json`), "utf8"));
      expect(fromManifest.files[0].sha256).toBe(
        crypto
          .createHash("sha256")
          .update(fs.readFileSync(out(`${name}.jsonl`)))
          .digest("hex"),
      );
      expect(done.fileSha256).toBe(fromManifest.files[0].sha256);
      const entry = LLAMA_FACTORY_ENTRIES[name];
      if (entry)
        expect(
          entry.parse(JSON.parse(fs.readFileSync(out("dataset_info.json"), "utf8"))[name]),
        ).toMatchObject({ file_name: `${name}.jsonl` });
      else
        expect(
          JSON.parse(
            fs.existsSync(out("dataset_info.json"))
              ? fs.readFileSync(out("dataset_info.json"), "utf8")
              : "{}",
          ),
        ).not.toHaveProperty(name);
    });
  }

  it("puts the schema, the evidence and the question in the prompt, and the reviewed SQL in the answer", async () => {
    await exportToFile({ format: "trl-dpo", template: "schema-with-rows" }, out("rows.jsonl"));
    const row = lines(out("rows.jsonl")).find((r) =>
      String(r.prompt).includes("Which ports are in ports_a 0?"),
    )!;
    expect(row.prompt).toContain("CREATE TABLE ports (\n  id INTEGER PRIMARY KEY,");
    expect(row.prompt).toContain('[1,"Harwich","UK",null]');
    expect(row.prompt).toContain("Evidence: ports means harbours");
    expect(row).toMatchObject({
      chosen: "SELECT name FROM ports WHERE id = 0",
      rejected: "SELECT name FROM ports WHERE id <> 0",
    });
    await exportToFile(
      { format: "alpaca", includeEvidence: false, system: "Write SQL." },
      out("alpaca-plain.jsonl"),
    );
    const alpaca = lines(out("alpaca-plain.jsonl"));
    expect(alpaca[0]!.system).toBe("Write SQL."); // in its own column, which the LLaMA-Factory entry maps
    expect(alpaca.some((r) => r.output === "select COUNT(*) from ports where id > 0")).toBe(false); // its duplicate came first
  });
});

describe("selection, split and dedup", () => {
  it("splits by database with a seed: no database on both sides, the same split for the same seed", async () => {
    const first = await exportToFile(
      { format: "messages", validationFraction: 0.5, seed: 7 },
      out("split.jsonl"),
    );
    const manifest = JSON.parse(first.manifestJson!);
    expect(manifest.split.validationDatabases).toHaveLength(2);
    const dbOf = (r: Record<string, unknown>) => /of (ports_\w)\?/.exec(JSON.stringify(r))?.[1];
    const train = new Set(lines(out("split-train.jsonl")).map(dbOf));
    const validation = new Set(lines(out("split-validation.jsonl")).map(dbOf));
    expect([...train].filter((d) => validation.has(d))).toEqual([]);
    expect([...validation].sort()).toEqual(manifest.split.validationDatabases);
    expect(
      manifest.files.map((f: { rows: number }) => f.rows).reduce((a: number, b: number) => a + b, 0),
    ).toBe(manifest.counts.written);
    const again = await exportToFile(
      { format: "messages", validationFraction: 0.5, seed: 7 },
      out("split2.jsonl"),
    );
    expect(JSON.parse(again.manifestJson!).split.validationDatabases).toEqual(
      manifest.split.validationDatabases,
    );
  });

  it("filters by status, database and date, and keeps duplicates when asked", async () => {
    const pending = await exportToFile(
      { format: "alpaca", statuses: ["pending"], database: "ports_b" },
      out("pending.jsonl"),
    );
    expect(pending.rowCount).toBe(1);
    const all = await exportToFile({ format: "alpaca", dedup: false }, out("all.jsonl"));
    expect(all.rowCount).toBe(17);
    await expect(exportToFile({ format: "alpaca", from: "2999-01-01" }, out("future.jsonl"))).rejects.toThrow(
      "Nothing to export",
    ); // export-refusals.test.ts
    // an origin and a date range together: both hold (neither replaces the other)
    const job = await prisma.job.create({ data: { kind: "mutation", status: "done", configJson: "{}" } });
    await prisma.preferencePair.updateMany({
      where: { task: { database: { name: "ports_c" } } },
      data: { jobId: job.id },
    });
    const mutation = await exportToFile(
      { format: "trl-dpo", origin: "mutation", from: "2000-01-01" },
      out("mutation.jsonl"),
    );
    expect(JSON.parse(mutation.manifestJson!).counts.byDatabase).toEqual({ ports_c: 4 });
    expect(JSON.parse(mutation.manifestJson!).counts.byOrigin).toEqual({ mutation: 4 });
    const imported = await exportToFile({ format: "trl-dpo", origin: "imported" }, out("imported.jsonl"));
    expect(JSON.parse(imported.manifestJson!).counts.byOrigin).toEqual({ imported: 12 }); // the label and the filter agree
  });

  it("never replaces files already there unless asked, and keeps the same question on two schemas", async () => {
    await expect(exportToFile({ format: "alpaca" }, out("alpaca.jsonl"))).rejects.toThrow(
      "exist(s) already; choose another --out or add --force",
    );
    const before = fs.readFileSync(out("alpaca.jsonl"), "utf8");
    expect((await exportToFile({ format: "alpaca" }, out("alpaca.jsonl"), { overwrite: true })).status).toBe(
      "done",
    );
    expect(fs.readFileSync(out("alpaca.jsonl"), "utf8")).toBe(before);
    await expect(exportToFile({ format: "alpaca" }, out("alpaca.json"))).rejects.toThrow(
      "must be a file ending in .jsonl",
    );
    const [a, b] = await prisma.targetDatabase.findMany({ where: { name: { in: ["ports_a", "ports_b"] } } });
    for (const db of [a!, b!])
      await prisma.sftSample.create({
        data: {
          databaseId: db.id,
          question: "How many ports are there?",
          sql: "SELECT count(*) FROM ports",
          origin: "manual",
          execStatus: "ok",
          status: "accepted",
        },
      });
    const both = await exportToFile({ format: "alpaca", origin: "manual" }, out("same-question.jsonl"));
    expect(both.rowCount).toBe(2);
  });

  it("refuses what cannot be exported, naming why", async () => {
    await expect(exportToFile({ format: "alpaca", origin: "weak" }, out("x.jsonl"))).rejects.toThrow(
      "origin must be one of: strong, imported, manual for an SFT format (not “weak”)",
    );
    await expect(
      exportToFile({ format: "alpaca", database: "ports_a", validationFraction: 0.2 }, out("x.jsonl")),
    ).rejects.toThrow("needs at least two distinct schemas; this selection has 1 schema (1 database)");
    // @ts-expect-error: a format that does not exist, as the CLI or an old script could name it
    await expect(exportToFile({ format: "csv" }, out("x.jsonl"))).rejects.toThrow(/format/);
    await expect(exportToFile({ format: "alpaca", from: "yesterday" }, out("x.jsonl"))).rejects.toThrow(
      "use a date such as",
    );
  });
});

describe("dashboard exports", () => {
  it("preview the first records, run on the job queue, and can be cancelled leaving no file", async () => {
    const preview = await previewExport({ format: "openai-preference" });
    expect(preview).toMatchObject({ kind: "pairs", selected: 16 });
    expect(preview.rows).toHaveLength(3);
    const started = await startExport({ format: "trl-dpo" }, null);
    expect(await prisma.export.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({
      status: "running",
      rowCount: 0,
    }); // queued: nothing written yet
    await runWorker({ workerId: "exports", stopWhenIdle: true, pollMs: 20 });
    const [listed] = await listExports();
    expect(listed).toMatchObject({ id: started.id, status: "done", rowCount: 16, totalRows: 16 });
    expect(listed!.manifest?.counts.byDatabase).toEqual({ ports_a: 4, ports_b: 4, ports_c: 4, ports_d: 4 });
    const cancelled = await startExport({ format: "trl-dpo" }, null);
    await cancelExport(cancelled.id, null);
    await runWorker({ workerId: "exports", stopWhenIdle: true, pollMs: 20 }); // the runner finds it cancelled and writes nothing
    const row = await prisma.export.findUniqueOrThrow({ where: { id: cancelled.id } });
    expect(row.status).toBe("cancelled");
    const dir = path.join(env.dataDir, "exports", cancelled.id);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    await expect(cancelExport(cancelled.id, null)).rejects.toThrow(
      "Cannot cancel an export that is cancelled.",
    );
  });
});
