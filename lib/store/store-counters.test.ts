import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createMutationJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { claimReviewItems } from "@/lib/review/claim-review-items";
import { acceptItem, rejectItem } from "@/lib/review/review-actions";
import { undoLastAction } from "@/lib/review/undo-review-action";
import { seedDemo } from "@/lib/seed/seed-demo";
import { makeTestUser } from "@/lib/testing/test-accounts";

// The counters are kept by triggers; this recounts every scope from the tables themselves (written
// apart from the triggers) and expects the same numbers after a mixed workload.
const SEP = "char(31)";
const RECOUNT = `
  SELECT 'sft.status' AS scope, status AS key, count(*) AS n FROM sft_samples GROUP BY 2
  UNION ALL SELECT 'pair.status', status, count(*) FROM preference_pairs GROUP BY 2
  UNION ALL SELECT 'strong.exec', exec_status, count(*) FROM sft_samples WHERE origin = 'strong' GROUP BY 2
  UNION ALL SELECT 'strong.rows', '', count(*) FROM sft_samples WHERE origin = 'strong' AND json_extract(result_json, '$.rowCount') > 0
  UNION ALL SELECT 'curated.sft', coalesce(difficulty, '') || ${SEP} || database_id, count(*) FROM sft_samples WHERE status IN ('accepted', 'edited') GROUP BY 2
  UNION ALL SELECT 'curated.pairs', coalesce(coalesce(t.difficulty, t.hardness), '') || ${SEP} || coalesce(j.kind, CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END, ''), count(*)
    FROM preference_pairs p JOIN tasks t ON t.id = p.task_id LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id
    WHERE p.status IN ('accepted', 'edited') GROUP BY 2
  UNION ALL SELECT 'candidate.verdict', source || ${SEP} || verdict, count(*) FROM candidates GROUP BY 2
  UNION ALL SELECT 'job:' || job_id, 'pair:' || status, count(*) FROM preference_pairs WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'sft:' || status, count(*) FROM sft_samples WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'calls', count(*) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1
  UNION ALL SELECT 'job:' || job_id, 'sample:' || exec_status, count(*) FROM sft_samples WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'failed:' || coalesce(error_kind, 'unknown'), count(*) FROM job_items WHERE status = 'failed' GROUP BY 1, 2
  UNION ALL SELECT 'tasks', database_id || ${SEP} || split || ${SEP} || origin || ${SEP} || coalesce(difficulty, '') || ${SEP} || coalesce(hardness, ''), count(*) FROM tasks GROUP BY 2
  UNION ALL SELECT 'review.day', substr(created_at, 1, 10) || ${SEP} || coalesce(user_id, '') || ${SEP} || 'decided', count(*) FROM review_actions WHERE action <> 'undo' AND undone_at IS NULL GROUP BY 2
  UNION ALL SELECT 'review.day', substr(created_at, 1, 10) || ${SEP} || coalesce(user_id, '') || ${SEP} || 'accepted', count(*) FROM review_actions WHERE action IN ('accept', 'edit', 'swap') AND undone_at IS NULL GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'sft', count(*) FROM sft_samples GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'pair', count(*) FROM preference_pairs GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'candidate', count(*) FROM candidates GROUP BY 2
  UNION ALL SELECT 'job:' || job_id, 'candidate:' || verdict, count(*) FROM candidates WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'calls', count(*) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'failed', count(*) FROM model_calls WHERE job_id IS NOT NULL AND status <> 'ok' GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'tokens', sum(prompt_tokens + completion_tokens) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'microusd', sum(CAST(round(cost_usd * 1000000) AS INTEGER)) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'review.hour', substr(created_at, 1, 13), count(*) FROM review_actions WHERE action <> 'undo' AND undone_at IS NULL GROUP BY 2`;

function compare() {
  const db = new Database(env.dbFile, { readonly: true });
  try {
    const asMap = (rows: { scope: string; key: string; n: number }[]) => Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.scope} ${r.key}`, r.n]));
    return { kept: asMap(db.prepare("SELECT scope, key, n FROM store_counters").all() as never), recounted: asMap(db.prepare(RECOUNT).all() as never) };
  } finally {
    db.close();
  }
}

describe("store counters kept by triggers", () => {
  it("all exist after every migration (a later migration that redefines a counted table drops them: re-create them there)", () => {
    const migration = fs.readFileSync(path.join(env.projectRoot, "prisma", "migrations", "20261202005637_store_counters", "migration.sql"), "utf8");
    const expected = [...migration.matchAll(/CREATE TRIGGER "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(expected.length).toBe(24);
    const db = new Database(env.dbFile, { readonly: true });
    try {
      const present = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      expect(present).toEqual(expect.arrayContaining(expected));
    } finally {
      db.close();
    }
  });

  it("match a recount after inserts, status changes, undo, a difficulty change and deletions", async () => {
    await seedDemo();
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
    await prisma.sftSample.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({ databaseId: db.id, question: `Counted ${i}?`, sql: "SELECT 1", origin: i % 3 ? "strong" : "imported", execStatus: i % 4 ? "ok" : "error", difficulty: i % 2 ? "easy" : null, resultJson: JSON.stringify({ rowCount: i % 5 }) })),
    });
    const job = await createMutationJob({ kind: "mutation", tasks: { origin: "demo", limit: 12 }, keepPerTask: 1 });
    await runWorker({ stopWhenIdle: true, concurrency: 4 });
    const ana = await makeTestUser("annotator", "Ana Count");
    for (const queue of ["sft", "pairs"] as const) {
      const ids = await claimReviewItems(ana.id, queue, {}, { want: 4, leaseMs: 60_000 });
      await acceptItem(ana, queue, ids[0]!);
      await acceptItem(ana, queue, ids[1]!);
      await rejectItem(ana, queue, ids[2]!, { reason: "trivial" });
    }
    await undoLastAction(ana, 60_000);
    expect(compare().kept).toEqual(compare().recounted);

    // a task's difficulty changes, a curated pair's task is deleted, the job is deleted
    const pair = await prisma.preferencePair.findFirstOrThrow({ where: { status: "accepted" } });
    await prisma.task.update({ where: { id: pair.taskId }, data: { difficulty: "extra" } });
    const other = await prisma.preferencePair.findFirstOrThrow({ where: { status: "accepted", id: { not: pair.id } } });
    await prisma.task.delete({ where: { id: other.taskId } });
    await prisma.job.delete({ where: { id: job.id } });
    await prisma.sftSample.deleteMany({ where: { question: "Counted 3?" } });
    const { kept, recounted } = compare();
    expect(kept).toEqual(recounted);
    expect(Object.keys(kept).some((k) => k.startsWith("curated.pairs extra"))).toBe(true);
    // the job is gone, its pairs' origin is what their rejected answers came from (lib/items/item-facets.ts), not "imported"
    expect(Object.keys(kept).filter((k) => k.startsWith("curated.pairs ")).map((k) => k.split("\u001f")[1])).toEqual(expect.arrayContaining(["mutation"]));
    expect(Object.keys(kept).filter((k) => k.startsWith("curated.pairs ") && k.endsWith("\u001f"))).toEqual([]);
  }, 60_000);
});
