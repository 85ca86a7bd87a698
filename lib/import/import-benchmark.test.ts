import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { registerDatabase } from "@/lib/databases/register-database";
import { importBenchmark } from "@/lib/import/import-benchmark";
import { writeBenchmarkFolder, writeSqlite } from "@/lib/testing/sqlite-fixtures";

const folder = (name: string) => path.join(env.dataDir, "fixtures", name);
const spiderRecords = [
  { db_id: "zoo", question: "How many animals are there?", query: "SELECT count(*) FROM animals" },
  { db_id: "zoo", question: "List the names of the animals.", query: "SELECT name FROM animals" },
  { db_id: "aquarium", question: "How many tanks are there?", query: "SELECT count(*) FROM tanks" },
];
const zooSql =
  "CREATE TABLE animals (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO animals VALUES (1, 'otter');";

describe("importBenchmark (Spider layout)", () => {
  it("imports tasks, registers present databases, reports missing ones, and adds nothing the second time", async () => {
    const dir = writeBenchmarkFolder(folder("spider-a"), { "dev.json": spiderRecords }, { zoo: zooSql });
    const first = await importBenchmark({ format: "spider", dir, split: "dev" });
    expect(first.tasksAdded).toBe(3);
    expect(first.databases).toEqual([
      { name: "zoo", status: "added" },
      { name: "aquarium", status: "missing", message: "database/aquarium/aquarium.sqlite not found" },
    ]);
    expect(first.tasksWithoutFile).toBe(1);

    const second = await importBenchmark({ format: "spider", dir, split: "dev" });
    expect(second).toMatchObject({ tasksAdded: 0, tasksSkipped: 3 });
    expect(await prisma.task.count({ where: { origin: "spider" } })).toBe(3);
    expect(await prisma.targetDatabase.count({ where: { name: { in: ["zoo", "aquarium"] } } })).toBe(2);
  });

  it("gives a missing database its file when a later import finds it, keeping its tasks", async () => {
    const dir = writeBenchmarkFolder(
      folder("spider-a"),
      { "dev.json": spiderRecords },
      {
        zoo: zooSql,
        aquarium: "CREATE TABLE tanks (id INTEGER PRIMARY KEY);",
      },
    );
    const report = await importBenchmark({ format: "spider", dir, split: "dev" });
    expect(report.databases.find((d) => d.name === "aquarium")?.status).toBe("added");
    const aquarium = await prisma.targetDatabase.findUniqueOrThrow({
      where: { name: "aquarium" },
      include: { _count: { select: { tasks: true } } },
    });
    expect(aquarium.fileStatus).toBe("ok");
    expect(aquarium._count.tasks).toBe(1);
  });

  it("attaches gold SQL to a same-named database only when it holds the benchmark's own file; else registers the import's copy", async () => {
    // an upload named like a Spider database but of another schema
    const upload = writeSqlite(
      path.join(env.dataDir, "fixtures", "uploads", "concert.sqlite"),
      "CREATE TABLE singers (id INTEGER PRIMARY KEY, stage_name TEXT);",
    );
    const uploaded = await registerDatabase({ name: "concert", sourceFile: upload, source: "upload" });
    // and one that is byte for byte the benchmark's file
    const records = [
      { db_id: "concert", question: "How many singers are there?", query: "SELECT count(*) FROM singer" },
      { db_id: "stadium", question: "How many stadiums are there?", query: "SELECT count(*) FROM stadium" },
    ];
    const dir = writeBenchmarkFolder(
      folder("spider-same-names"),
      { "dev.json": records },
      {
        concert: "CREATE TABLE singer (singer_id INTEGER PRIMARY KEY, name TEXT);",
        stadium: "CREATE TABLE stadium (stadium_id INTEGER PRIMARY KEY);",
      },
    );
    const sameFile = await registerDatabase({
      name: "stadium",
      sourceFile: path.join(dir, "database", "stadium", "stadium.sqlite"),
      source: "upload",
    });

    const report = await importBenchmark({ format: "spider", dir, split: "dev" });
    expect(report.databases).toEqual([
      {
        name: "concert_spider",
        status: "added",
        message:
          'a database named "concert" is already registered from another file; this import\'s own copy is registered as "concert_spider"',
      },
      { name: "stadium", status: "existing" },
    ]);
    expect(await prisma.task.count({ where: { databaseId: uploaded.id } })).toBe(0);
    expect(await prisma.task.count({ where: { database: { name: "concert_spider" } } })).toBe(1);
    expect(await prisma.task.count({ where: { databaseId: sameFile.id } })).toBe(1);

    // a second import finds its copy again and adds nothing
    const again = await importBenchmark({ format: "spider", dir, split: "dev" });
    expect(again).toMatchObject({
      tasksAdded: 0,
      databases: [
        { name: "concert_spider", status: "existing" },
        { name: "stadium", status: "existing" },
      ],
    });
    expect(await prisma.targetDatabase.count({ where: { name: { startsWith: "concert" } } })).toBe(2);
  });

  it("stops on malformed JSON naming the file, line and column, and writes nothing", async () => {
    const before = await prisma.task.count();
    const dir = writeBenchmarkFolder(folder("spider-bad-json"), {
      "dev.json": '[\n  {"db_id": "zoo",\n  "question": oops }\n]',
    });
    await expect(importBenchmark({ format: "spider", dir, split: "dev" })).rejects.toThrow(
      /^dev\.json: malformed JSON at line 3, column \d+/,
    );
    expect(await prisma.task.count()).toBe(before);
    const runs = await prisma.importRun.findMany({ where: { dirPath: dir } });
    expect(runs).toMatchObject([
      {
        status: "failed",
        error: expect.stringMatching(/^dev\.json: malformed JSON at line 3/),
        tasksAdded: 0,
      },
    ]);
  });

  it("stops on a record missing a field naming the file, record index and field", async () => {
    const before = await prisma.task.count();
    const records = [...spiderRecords, { db_id: "zoo", question: "Where is the query?" }];
    const dir = writeBenchmarkFolder(folder("spider-bad-record"), { "dev.json": records }, { zoo: zooSql });
    await expect(importBenchmark({ format: "spider", dir, split: "dev" })).rejects.toThrow(
      'dev.json: record 3: field "query"',
    );
    expect(await prisma.task.count()).toBe(before);
  });

  it("names what is missing when the folder or the split's file is absent", async () => {
    await expect(
      importBenchmark({ format: "spider", dir: "/definitely/not/here", split: "dev" }),
    ).rejects.toThrow("Folder not found: /definitely/not/here");
    const dir = writeBenchmarkFolder(folder("spider-no-train"), { "dev.json": [] });
    await expect(importBenchmark({ format: "spider", dir, split: "train" })).rejects.toThrow(
      /spider train split: train_spider\.json not found in /,
    );
  });
});

describe("importBenchmark (BIRD layout)", () => {
  it("keeps evidence and difficulty, and takes declared schemas from dev_tables.json for missing files", async () => {
    const dir = writeBenchmarkFolder(
      folder("bird-a"),
      {
        "dev.json": [
          {
            question_id: 0,
            db_id: "racing",
            question: "Who won?",
            evidence: "won means position = 1",
            SQL: "SELECT driver FROM results WHERE position = 1",
            difficulty: "simple",
          },
          {
            question_id: 1,
            db_id: "ledger",
            question: "Total?",
            evidence: "",
            SQL: "SELECT sum(amount) FROM entries",
            difficulty: "challenging",
          },
        ],
        "dev_tables.json": [
          {
            db_id: "ledger",
            table_names_original: ["entries"],
            column_names_original: [
              [-1, "*"],
              [0, "id"],
              [0, "amount"],
            ],
            column_types: ["text", "number", "number"],
            primary_keys: [1],
            foreign_keys: [],
          },
        ],
      },
      { racing: "CREATE TABLE results (driver TEXT, position INTEGER);" },
      "dev_databases",
    );
    const report = await importBenchmark({ format: "bird", dir, split: "dev" });
    expect(report.tasksAdded).toBe(2);
    const racing = await prisma.task.findFirstOrThrow({ where: { question: "Who won?" } });
    expect(racing).toMatchObject({
      evidence: "won means position = 1",
      difficulty: "simple",
      origin: "bird",
      split: "dev",
    });
    const ledger = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "ledger" } });
    expect(ledger.fileStatus).toBe("missing");
    expect(JSON.parse(ledger.schemaJson ?? "{}")).toMatchObject({
      source: "declared",
      tables: [{ name: "entries", primaryKey: ["id"] }],
    });
  });

  it("rejects an unknown difficulty naming the record", async () => {
    const dir = writeBenchmarkFolder(folder("bird-bad"), {
      "dev.json": [{ db_id: "x", question: "q", SQL: "SELECT 1", difficulty: "impossible" }],
    });
    await expect(importBenchmark({ format: "bird", dir, split: "dev" })).rejects.toThrow(
      'dev.json: record 0: field "difficulty"',
    );
  });
});

const spiderDir = path.resolve(env.projectRoot, "..", "shared", "data", "spider");
const hasSpider = fs.existsSync(path.join(spiderDir, "dev.json"));

describe.skipIf(!hasSpider)(`the Spider dev set (needs ${spiderDir})`, () => {
  it("imports 1034 tasks over 20 databases, 19 with files and wta_1 missing; a second import adds nothing", async () => {
    const report = await importBenchmark({ format: "spider", dir: spiderDir, split: "dev" });
    expect(report.recordsRead).toBe(1034);
    expect(report.tasksAdded).toBe(1034);
    expect(report.databases).toHaveLength(20);
    expect(report.databases.filter((d) => d.status === "added")).toHaveLength(19);
    expect(report.databasesMissing).toEqual(["wta_1"]);
    expect(report.tasksWithoutFile).toBe(62);
    const concert = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "concert_singer" } });
    expect(concert.tableCount).toBe(4);
    const byHardness = await prisma.task.groupBy({
      by: ["hardness"],
      where: { importRunId: report.importRunId },
      _count: true,
    });
    expect(Object.fromEntries(byHardness.map((h) => [h.hardness, h._count]))).toEqual({
      easy: 248,
      medium: 446,
      hard: 174,
      extra: 166,
    });
    const again = await importBenchmark({ format: "spider", dir: spiderDir, split: "dev" });
    expect(again).toMatchObject({ tasksAdded: 0, tasksSkipped: 1034 });
    expect(await prisma.task.count({ where: { importRunId: report.importRunId } })).toBe(1034);
  });
});

if (!hasSpider)
  console.warn(`Spider dev set not found at ${spiderDir}: the real-data import test does not run.`);
