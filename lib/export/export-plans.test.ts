import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { bulkInsertPairs, bulkInsertSamples, type BulkTask } from "@/lib/export/bulk-fill-items";
import { exportRequestSchema, type ExportRequestInput } from "@/lib/export/export-selection";
import { countExportItems, exportDatabaseIds, readExportItems } from "@/lib/export/read-export-records";
import { captureStatements, planOf, type CapturedStatement } from "@/lib/testing/statement-capture";

// The plans of the statements an export sends, on a store of 50,000 pairs and 50,000 samples: every
// page is a range of an index in id order (no temp b-tree, no scan of a big table), so an export
// costs one pass however large, and counting or listing the databases never sorts the selection.
// The statements are captured as the driver prepares them, with their arguments, and explained.

const N = 50_000;
const BIG_TABLES = [
  "preference_pairs",
  "sft_samples",
  "tasks",
  "candidates",
  "jobs",
  "p",
  "s",
  "t",
  "j",
  "c",
];
const STATUSES = ["accepted", "edited", "pending", "rejected"];
let jobId = "";

beforeAll(async () => {
  const tasks: BulkTask[] = [];
  for (const name of ["plans_a", "plans_b"]) {
    const db = await prisma.targetDatabase.create({ data: { name, source: "path", fileStatus: "missing" } });
    for (let i = 0; i < 50; i++) {
      const t = await prisma.task.create({
        data: {
          databaseId: db.id,
          question: `Q ${i} on ${name}?`,
          goldSql: `SELECT ${i}`,
          difficulty: i % 2 ? "easy" : null,
          hardness: "hard",
          split: "train",
          origin: "spider",
          sourceRef: `plans:${name}:${i}`,
        },
      });
      tasks.push({ id: t.id, databaseId: db.id, goldSql: t.goldSql });
    }
  }
  jobId = (await prisma.job.create({ data: { kind: "weak", status: "done", configJson: "{}" } })).id;
  bulkInsertPairs(env.dbFile, tasks, N, (k) => STATUSES[k % 4]!);
  bulkInsertSamples(env.dbFile, tasks, N, (k) => STATUSES[k % 4]!);
}, 60_000);

let reader: Database.Database;
beforeAll(() => void (reader = new Database(env.dbFile, { readonly: true })));
afterAll(() => reader.close());

const touchesItems = (c: CapturedStatement) =>
  /\b(preference_pairs|sft_samples)\b/.test(c.sql) && /^\s*SELECT/i.test(c.sql);
const bigScan = (detail: string) =>
  BIG_TABLES.some((t) => new RegExp(`^SCAN (main\\.)?${t}\\b`).test(detail)); // SEARCH = a range of an index

const REQUESTS: [string, ExportRequestInput][] = [
  ["accepted and edited (the default)", { format: "trl-dpo" }],
  ["every status", { format: "trl-dpo", statuses: STATUSES as ExportRequestInput["statuses"] }],
  [
    "a database, a difficulty, a date range",
    { format: "trl-dpo", database: "plans_b", difficulty: "easy", from: "2000-01-01", to: "2999-01-01" },
  ],
  ["an origin", { format: "trl-dpo", origin: "weak" }],
  ["imported, a job", { format: "trl-dpo", origin: "imported", job: "no-such-job" }],
  ["SFT, the default", { format: "alpaca" }],
  [
    "SFT, every filter",
    {
      format: "alpaca",
      statuses: ["accepted", "pending"],
      origin: "strong",
      database: "plans_a",
      difficulty: "easy",
      from: "2000-01-01",
    },
  ],
];

describe("the statements an export sends, on 50,000 pairs and 50,000 samples", () => {
  for (const [label, input] of REQUESTS) {
    it(`${label}: pages walk an index in id order, counts and database lists scan no big table`, async () => {
      const request = exportRequestSchema.parse({
        ...input,
        job: input.job === "no-such-job" ? jobId : input.job,
      });
      const kind = request.format === "alpaca" ? "sft" : "pairs";
      let pages = 0;
      const captured = await captureStatements(async () => {
        await countExportItems(kind, request);
        await exportDatabaseIds(kind, request);
        for await (const page of readExportItems(kind, request)) if (page.length && ++pages === 3) break;
      });
      const statements = captured.filter(touchesItems);
      const pageStatements = statements.filter((c) => /ORDER BY/i.test(c.sql) && /LIMIT/i.test(c.sql));
      expect(pageStatements.length).toBeGreaterThan(0);
      // every statement's faults at once: a big table scanned, a page sorted, a page not on (status, id)
      const faults = statements.flatMap((c) => {
        const plan = planOf(reader, c);
        const isPage = pageStatements.includes(c);
        const bad = [
          ...plan.filter(bigScan),
          ...(isPage ? plan.filter((d) => d.includes("TEMP B-TREE")) : []),
          ...(isPage &&
          !plan.some((d) =>
            /USING INDEX (preference_pairs|sft_samples)_status_id_idx \(status=\?( AND id>\?)?\)/.test(d),
          )
            ? ["not a range of (status, id)"]
            : []),
        ];
        return bad.length ? [{ sql: c.sql.slice(0, 160), bad }] : [];
      });
      expect(faults).toEqual([]);
    });
  }
});
