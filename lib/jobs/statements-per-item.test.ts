// The runner's statements per item: items that end together are marked with one UPDATE
// (lib/jobs/mark-items.ts), share one INSERT per table and one UPDATE of their results
// (lib/jobs/batch-rows.ts), and tasks asked for together are read with one
// query (handlers/task-context.ts). Each statement costs far more in Prisma's query pipeline than
// in SQLite: at provider concurrency 256 this took the runner from 1.6 to 1.0 ms of CPU a model
// request (npm run bench:runner).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { claimJobItems } from "@/lib/jobs/claim-job-items";
import { completeJobItem, failJobItem, LeaseLostError } from "@/lib/jobs/complete-job-item";
import { createMutationJob } from "@/lib/jobs/create-job";
import { readTaskContext } from "@/lib/jobs/handlers/task-context";
import { newRowId } from "@/lib/jobs/row-ids";
import { writeBatchStats } from "@/lib/jobs/write-batch";
import { seedDemo } from "@/lib/seed/seed-demo";
import { sqlTime } from "@/lib/store/sql-time";
import { captureStatements } from "@/lib/testing/statement-capture";

beforeAll(async () => {
  await seedDemo();
});

const COLUMNS = [
  "id",
  "task_id",
  "job_id",
  "source",
  "raw_text",
  "sql",
  "normalized_sql",
  "verdict",
  "error",
  "created_at",
];

describe("items ending together", () => {
  it("share one INSERT per table and one UPDATE of their results, and every row and result is written", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 8 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("rows", 8, 60_000);
    expect(items).toHaveLength(8);
    const task = await prisma.task.findFirstOrThrow({ where: { origin: "demo" } });
    const before = { ...writeBatchStats };
    const statements = await captureStatements(() =>
      Promise.all(
        items.map((item, n) =>
          completeJobItem(item, {
            rows: (rows) => {
              const id = newRowId();
              rows.insert("candidates", COLUMNS, [
                [
                  id,
                  task.id,
                  job.id,
                  "mutation",
                  `SELECT ${n}`,
                  `SELECT ${n}`,
                  `select ${n}`,
                  "wrong_result",
                  null,
                  sqlTime(new Date()),
                ],
              ]);
              rows.insert(
                "preference_pairs",
                [
                  "id",
                  "task_id",
                  "job_id",
                  "chosen_sql",
                  "chosen_source",
                  "rejected_sql",
                  "rejected_candidate_id",
                  "status",
                  "created_at",
                ],
                [
                  [
                    newRowId(),
                    task.id,
                    job.id,
                    "SELECT 1",
                    "gold",
                    `SELECT ${n}`,
                    id,
                    "pending",
                    sqlTime(new Date()),
                  ],
                ],
              );
              return { n };
            },
          }),
        ),
      ),
    );
    const count = (pattern: RegExp) => statements.filter((s) => pattern.test(s.sql)).length;
    const transactions = count(/^COMMIT/);
    expect(transactions).toBeLessThanOrEqual(2); // the first item starts at once, the others queue meanwhile
    expect(writeBatchStats.direct - before.direct).toBe(transactions); // rows-only writes: outside Prisma
    for (const pattern of [
      /^\s*UPDATE job_items SET status = m\.status/,
      /^\s*INSERT INTO candidates /,
      /^\s*INSERT INTO preference_pairs /,
      /^\s*UPDATE job_items SET result_json/,
    ])
      expect(count(pattern), String(pattern)).toBe(transactions);
    const pairs = await prisma.preferencePair.findMany({
      where: { jobId: job.id },
      include: { rejectedCandidate: true },
    });
    expect(pairs.map((p) => p.rejectedCandidate!.rawText).sort()).toEqual(
      items.map((_, n) => `SELECT ${n}`).sort(),
    );
    const stored = await prisma.jobItem.findMany({ where: { id: { in: items.map((i) => i.id) } } });
    for (const [n, item] of items.entries())
      expect(stored.find((s) => s.id === item.id)).toMatchObject({
        status: "done",
        resultJson: JSON.stringify({ n }),
      });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ itemsDone: 8 });
  });

  it("are marked with one UPDATE whatever their ends: done, retried, failed, or lost to another claim", async () => {
    const job = await createMutationJob({
      kind: "mutation",
      tasks: { origin: "demo", limit: 5 },
      keepPerTask: 1,
    });
    const items = await claimJobItems("marks", 5, 60_000);
    expect(items).toHaveLength(5);
    const [done, retried, failed, stolen, alsoDone] = items as [
      (typeof items)[0],
      (typeof items)[0],
      (typeof items)[0],
      (typeof items)[0],
      (typeof items)[0],
    ];
    const statements = await captureStatements(async () => {
      const settled = await Promise.allSettled([
        completeJobItem(done, () => Promise.resolve({ ok: 1 })),
        failJobItem(retried, { kind: "timeout", message: "took too long", retryable: true }, 3),
        failJobItem(failed, { kind: "bad_payload", message: "no task", retryable: false }, 3),
        completeJobItem({ ...stolen, claim: "another-runner" }, () => Promise.resolve({ ok: 2 })),
        completeJobItem(alsoDone, () => Promise.resolve({ ok: 3 })),
      ]);
      expect(settled.map((s) => s.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
        "rejected",
        "fulfilled",
      ]);
      expect((settled[3] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    });
    const marks = statements.filter((s) => /^\s*UPDATE job_items SET status = m\.status/.test(s.sql)).length;
    expect(marks).toBe(statements.filter((s) => /^COMMIT/.test(s.sql)).length);
    expect(marks).toBeLessThanOrEqual(2);
    const stored = new Map(
      (await prisma.jobItem.findMany({ where: { id: { in: items.map((i) => i.id) } } })).map((i) => [
        i.id,
        i,
      ]),
    );
    expect(stored.get(done.id)).toMatchObject({
      status: "done",
      leaseOwner: done.claim,
      leaseExpiresAt: null,
      error: null,
      resultJson: JSON.stringify({ ok: 1 }),
    });
    expect(stored.get(retried.id)).toMatchObject({
      status: "pending",
      leaseOwner: null,
      error: "took too long",
      errorKind: "timeout",
    });
    expect(stored.get(failed.id)).toMatchObject({
      status: "failed",
      leaseOwner: null,
      error: "no task",
      errorKind: "bad_payload",
    });
    expect(stored.get(stolen.id)).toMatchObject({
      status: "leased",
      leaseOwner: stolen.claim,
      resultJson: null,
    });
    expect(stored.get(alsoDone.id)).toMatchObject({ status: "done", resultJson: JSON.stringify({ ok: 3 }) });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      itemsDone: 2,
      itemsFailed: 1,
    });
  });

  it("read the tasks asked for in one turn with one query, each answered with its own", async () => {
    const tasks = await prisma.task.findMany({
      where: { origin: "demo" },
      take: 12,
      select: { id: true, question: true },
    });
    let contexts: Awaited<ReturnType<typeof readTaskContext>>[] = [];
    const statements = await captureStatements(async () => {
      contexts = await Promise.all([
        ...tasks.map((t) => readTaskContext(t.id)),
        readTaskContext("no-such-task"),
      ]);
    });
    expect(statements.filter((s) => /FROM tasks WHERE id IN/.test(s.sql))).toHaveLength(1);
    expect(contexts.slice(0, -1).map((c) => c?.question)).toEqual(tasks.map((t) => t.question));
    expect(contexts.at(-1)).toBeNull();
  });
});
