import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { readAuditLog } from "@/lib/audit/read-audit-log";
import { recordAuditEvent } from "@/lib/audit/audit-events";
import { listItemDatabases } from "@/lib/items/item-databases";
import { createMutationJob } from "@/lib/jobs/create-job";
import { listJobs } from "@/lib/jobs/read-jobs";
import { listJobItemLog } from "@/lib/jobs/job-item-log";
import { readJobDetail } from "@/lib/jobs/read-job-detail";
import { readJobEstimate } from "@/lib/jobs/read-job-estimate";
import { runWorker } from "@/lib/jobs/run-worker";
import { readOverview } from "@/lib/overview/read-overview";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { readReviewPage } from "@/lib/review/read-review-queues";
import { acceptItem } from "@/lib/review/review-actions";
import { readReviewDeck } from "@/lib/review/review-deck";
import { reviewQueueFiltersSchema } from "@/lib/review/review-queue-filters";
import { seedDemo } from "@/lib/seed/seed-demo";
import { checkStoreHealth, readStoreTotals } from "@/lib/store/store-health";
import { listTaskFacets, listTasks } from "@/lib/tasks/read-tasks";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";
import { cloneRows } from "@/lib/testing/clone-rows";
import { captureStatements, planOf, type CapturedStatement } from "@/lib/testing/statement-capture";
import { makeTestUser } from "@/lib/testing/test-accounts";

// The hot reads and writes of the dashboard on a filled store: every statement each one sends is
// run through EXPLAIN QUERY PLAN, and a full SCAN of a big table or a TEMP B-TREE (a sort of
// everything that matched) fails the test. Rows are cloned from rows the domain made.

const N = 20_000;
const BIG = [
  "tasks",
  "sft_samples",
  "preference_pairs",
  "candidates",
  "review_actions",
  "audit_events",
  "job_items",
  "model_calls",
];
let raw: Database.Database;
let reviewerId = "";
let jobId = "";

beforeAll(async () => {
  await seedDemo();
  const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo" }, keepPerTask: 1 });
  await runWorker({ stopWhenIdle: true, concurrency: 4 });
  jobId = job.id;
  const reviewer = await makeTestUser("annotator", "Plan Reviewer");
  reviewerId = reviewer.id;
  const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
  await prisma.sftSample.create({
    data: {
      databaseId: db.id,
      question: "Template?",
      sql: "SELECT 1",
      origin: "strong",
      execStatus: "ok",
      difficulty: "easy",
      jobId: job.id,
    },
  });
  const [pair] = await claimReviewItems(reviewer.id, "pairs", {}, { want: 1, leaseMs: 60_000 });
  await acceptItem(reviewer, "pairs", pair!);
  await recordAuditEvent(null, { action: "job.start", targetType: "job", targetId: job.id, detail: {} });

  raw = new Database(env.dbFile);
  raw.pragma("journal_mode = WAL");
  const statuses = `CASE i % 4 WHEN 0 THEN 'pending' WHEN 1 THEN 'accepted' WHEN 2 THEN 'rejected' ELSE 'edited' END`;
  raw.transaction(() => {
    cloneRows(raw, "tasks", N, {
      source_ref: `'clone:' || i`,
      question: `tpl.question || ' #' || i`,
      split: `CASE i % 3 WHEN 0 THEN 'train' ELSE 'dev' END`,
    });
    cloneRows(raw, "sft_samples", N, { status: statuses, lease_owner_id: "NULL", lease_expires_at: "NULL" });
    cloneRows(raw, "preference_pairs", N, {
      status: statuses,
      lease_owner_id: "NULL",
      lease_expires_at: "NULL",
    });
    cloneRows(raw, "candidates", N);
    cloneRows(raw, "review_actions", N);
    cloneRows(raw, "audit_events", N);
    cloneRows(raw, "job_items", N, { status: "'done'" });
  })();
}, 120_000);

afterAll(() => raw?.close());

/** Plan lines that read a big table whole, sort all it matched, or gather every row of an OR through two indexes. */
function badPlanLines(query: CapturedStatement): string[] {
  if (
    !/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(query.sql) ||
    /^\s*SELECT \* FROM pragma_|sqlite_master/i.test(query.sql)
  )
    return [];
  return planOf(raw, query)
    .filter(
      (d) =>
        /TEMP B-TREE|MULTI-INDEX OR/.test(d) ||
        BIG.some((t) =>
          new RegExp(`^SCAN (main\\.)?${t}( AS \\w+)?$|^SCAN (main\\.)?${t} USING (COVERING )?INDEX`).test(d),
        ),
    )
    .map((d) => `${d}   <-   ${query.sql.slice(0, 160)}`);
}

/** A walk of every item of a status (a queue's index searched by its status alone). */
const walksAStatus = (d: string) =>
  /^SEARCH (main\.)?(sft_samples|preference_pairs|job_items)( AS \w+)? USING (COVERING )?INDEX \S+ \(status=\?( AND exec_status=\?)?\)$/.test(
    d,
  );

/**
 * Keyset pages and claims walk an index in order and stop at LIMIT: an ordered index walk with a
 * LIMIT is one page, not a scan; without a LIMIT, walking every item of a status is one.
 */
function badPlans(queries: CapturedStatement[]): string[] {
  const limited = (q: CapturedStatement) => /\bLIMIT\b/i.test(q.sql);
  return queries.flatMap((q) => [
    ...badPlanLines(q).filter(
      (line) => !(/USING (COVERING )?INDEX/.test(line) && !/TEMP B-TREE/.test(line) && limited(q)),
    ),
    ...(limited(q) || !/^\s*(SELECT|UPDATE|DELETE)\b/i.test(q.sql)
      ? []
      : planOf(raw, q)
          .filter(walksAStatus)
          .map((d) => `${d}   <-   ${q.sql.slice(0, 160)}`)),
  ]);
}

const tasks = (input: Record<string, unknown>) => taskFiltersSchema.parse(input);
const queue = (input: Record<string, unknown>) => reviewQueueFiltersSchema.parse(input);

describe(`query plans on a store of ${N.toLocaleString("en")}+ rows a table`, () => {
  it("the overview, the jobs list, the header totals and health", async () => {
    const sent = await captureStatements(async () => {
      await readOverview();
      await readOverview({ everyone: false, userId: reviewerId });
      await listJobs();
      await readStoreTotals();
      await checkStoreHealth();
    });
    expect(sent.length).toBeGreaterThan(5);
    expect(badPlans(sent)).toEqual([]);
  });

  it("a job's page: its detail, the item log's first and deep pages and filters, and a new job's estimate", async () => {
    const middle = (
      raw
        .prepare("SELECT id FROM job_items WHERE job_id = ? ORDER BY created_at, id LIMIT 1 OFFSET 10000")
        .get(jobId) as { id: string }
    ).id;
    const sent = await captureStatements(async () => {
      await readJobDetail(jobId);
      await listJobItemLog(jobId, {});
      await listJobItemLog(jobId, { after: middle });
      await listJobItemLog(jobId, { status: "done", after: middle });
      await listJobItemLog(jobId, { errorKind: "timeout" });
      await readJobEstimate({ kind: "mutation", tasks: { database: "city_library" } });
    });
    expect(sent.length).toBeGreaterThan(5);
    expect(badPlans(sent)).toEqual([]);
  });

  it("the Tasks list: first and deep pages, every filter, text search, backwards, facets", async () => {
    const deep = (await raw.prepare("SELECT id FROM tasks ORDER BY id LIMIT 1 OFFSET ?").get(N - 100)) as {
      id: string;
    };
    const sent = await captureStatements(async () => {
      for (const f of [
        {},
        { after: deep.id },
        { before: deep.id },
        { database: "city_library" },
        { database: "city_library", after: deep.id },
        { split: "dev", after: deep.id },
        { origin: "demo" },
        { difficulty: "easy" },
        { hardness: "hard" },
        { q: "#1999" },
        { q: "books", after: deep.id },
      ]) {
        await listTasks(tasks(f));
      }
      await listTaskFacets();
      await listItemDatabases(); // the review and export pages' Database menus
    });
    expect(badPlans(sent)).toEqual([]);
  });

  it("the review Browse pages, a reviewer's deck and an accept", async () => {
    const deepPair = (await raw
      .prepare("SELECT id FROM preference_pairs WHERE status = 'accepted' ORDER BY id LIMIT 1 OFFSET 2000")
      .get()) as { id: string };
    const sent = await captureStatements(async () => {
      for (const f of [
        { queue: "sft" },
        { queue: "sft", status: "accepted" },
        { queue: "pairs", status: "accepted", after: deepPair.id },
        { queue: "pairs", status: "rejected", before: deepPair.id },
        { queue: "pairs", difficulty: "easy", database: "city_library" },
        { queue: "sft", database: "city_library", origin: "strong" },
      ])
        await readReviewPage(queue(f));
      const deck = await readReviewDeck({ id: reviewerId, name: "Plan Reviewer" }, { queue: "sft" });
      await acceptItem({ id: reviewerId, name: "Plan Reviewer" }, "sft", deck.items[0]!.id);
      await readReviewDeck({ id: reviewerId, name: "Plan Reviewer" }, { queue: "pairs" });
      await readReviewDeck({ id: reviewerId, name: "Plan Reviewer" }, { queue: "pairs", difficulty: "easy" });
      await readReviewDeck(
        { id: reviewerId, name: "Plan Reviewer" },
        { queue: "pairs", database: "city_library", origin: "mutation" },
      );
      await readReviewDeck(
        { id: reviewerId, name: "Plan Reviewer" },
        { queue: "sft", database: "city_library", difficulty: "easy" },
      );
    });
    expect(sent.some((q) => /^\s*UPDATE/i.test(q.sql))).toBe(true); // the claims' and the accept's writes are among them
    expect(badPlans(sent)).toEqual([]);
  });

  it("the audit log, newest first, older and newer pages, and every filter", async () => {
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { id: reviewerId } });
    const item = (await raw
      .prepare("SELECT item_type AS type, item_id AS id FROM review_actions LIMIT 1")
      .get()) as { type: string; id: string };
    const job = (await raw
      .prepare("SELECT target_id AS id FROM audit_events WHERE target_type = 'job' LIMIT 1")
      .get()) as { id: string };
    const sent = await captureStatements(async () => {
      const first = await readAuditLog({ limit: 100 });
      const second = await readAuditLog({ limit: 100, before: first.nextCursor ?? undefined });
      await readAuditLog({ limit: 100, after: second.prevCursor ?? undefined });
      for (const f of [
        { person: reviewer.email },
        { action: "review.accept" },
        { action: "job.start", before: first.nextCursor ?? undefined },
        { person: reviewer.email, action: "review.accept" },
        { target: `${item.type}:${item.id}` },
        { target: `job:${job.id}`, action: "job.start" },
        { from: "2026-01-01", to: "2099-12-31" },
        { person: reviewer.email, from: "2026-01-01T00:00" },
      ])
        await readAuditLog({ limit: 50, ...f });
    });
    // a filter by person, action or target searches an index by it: a walk of the time index
    // that skips the other entries would cost the whole store when the filter is rare
    const filtered = await captureStatements(async () => {
      for (const f of [
        { person: reviewer.email },
        { action: "review.accept" },
        { action: "job.start" },
        { person: reviewer.email, action: "review.accept" },
        { target: `${item.type}:${item.id}` },
        { target: `job:${job.id}` },
      ])
        await readAuditLog({ limit: 50, ...f });
    });
    const walks = filtered
      .filter((q) => /FROM `main`\.`(audit_events|review_actions)`/.test(q.sql))
      .flatMap((q) =>
        planOf(raw, q)
          .filter((d) => /^SCAN /.test(d))
          .map((d) => `${d}   <-   ${q.sql.slice(0, 200)}`),
      );
    expect(filtered.length).toBeGreaterThan(6);
    expect(walks).toEqual([]);
    expect(badPlans(sent)).toEqual([]);
  });
});
