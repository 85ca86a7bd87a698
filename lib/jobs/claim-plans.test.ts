// The runner's statements on a filled store: each claim, completion, failure, renewal and idle
// clean-up must go through an index (no SCAN of job_items, no TEMP B-TREE), so that a job of a
// million items costs the same per item as a job of a thousand. The statements are the ones the
// runner really sends: captured where better-sqlite3 prepares them, then explained on 200,000 items.
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { claimJobItems, finishIdleJobs } from "@/lib/jobs/claim-job-items";
import { completeJobItem, failJobItem, renewLease } from "@/lib/jobs/complete-job-item";
import { sqlTime } from "@/lib/store/sql-time";
import { captureStatements, planOf } from "@/lib/testing/statement-capture";

const ITEMS = 200_000;

/** Fills the store through a connection of its own: a big running job, a small one, a finished one, and a history of 2,000 jobs. */
function fillStore() {
  const db = new Database(env.dbFile);
  const now = Date.now();
  const at = (ms: number) => sqlTime(new Date(ms));
  const jobs = [
    { id: "job-big", status: "running", items: ITEMS - 20_000 },
    { id: "job-small", status: "running", items: 5_000 },
    { id: "job-old", status: "done", items: 15_000 },
  ];
  const addJob = db.prepare(
    "INSERT INTO jobs (id, kind, status, config_json, items_total, created_at) VALUES (?, 'mutation', ?, '{}', ?, ?)",
  );
  const addItem = db.prepare(
    "INSERT INTO job_items (id, job_id, step, payload_json, status, lease_owner, lease_expires_at, attempts, created_at, updated_at) VALUES (?, ?, 'mutate', ?, ?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < 2_000; i++)
      addJob.run(`job-past-${i}`, i % 10 ? "done" : "cancelled", 0, at(now - 1e9 + i)); // a long history
    for (const job of jobs) {
      addJob.run(job.id, job.status, job.items, at(now));
      for (let i = 0; i < job.items; i++) {
        // the running jobs: a third done, a few leased (some expired), the rest pending
        const status =
          job.status === "done" || i < job.items / 3 ? "done" : i % 1000 === 0 ? "leased" : "pending";
        const lease = status === "leased" ? at(now + (i % 40_000 === 0 ? -60_000 : 60_000)) : null;
        addItem.run(
          crypto.randomUUID(),
          job.id,
          JSON.stringify({ taskId: `t${i}` }),
          status,
          lease ? "someone" : null,
          lease,
          status === "pending" ? 0 : 1,
          at(now - ITEMS + i),
          at(now),
        );
      }
    }
  })();
  db.close();
}

/** A step that reads a whole table, sorts, or walks every item of a status (in effect a scan of a big job). */
const isCostly = (step: string) =>
  /\bSCAN (main\.)?(job_items|jobs)\b/.test(step) ||
  /TEMP B-TREE/.test(step) ||
  /SEARCH (main\.)?job_items USING (COVERING )?INDEX \S+ \(status=\?\)/.test(step);

beforeAll(fillStore, 120_000); // filling takes a few seconds, more on a busy machine

describe("the runner's statements on 200,000 job items", () => {
  it("use an index for every claim and completion: no scan of job_items, no temporary b-tree", async () => {
    const sent = await captureStatements(async () => {
      const claimed = await claimJobItems("plan-runner", 16, 60_000);
      expect(claimed.length).toBe(16);
      await completeJobItem(claimed[0]!, async () => ({ kept: 0 }));
      await failJobItem(claimed[1]!, { kind: "engine_error", message: "again", retryable: true }, 3);
      await failJobItem(claimed[2]!, { kind: "gold_error", message: "no", retryable: false }, 3);
      expect(await renewLease(claimed[3]!, 60_000)).toBe(true);
      await finishIdleJobs();
    });

    const statements = sent.filter((s) => /\b(job_items|jobs)\b/.test(s.sql));
    expect(statements.length).toBeGreaterThanOrEqual(8);
    const db = new Database(env.dbFile, { readonly: true });
    try {
      const bad = statements
        .map((s) => ({ sql: s.sql.replace(/\s+/g, " ").slice(0, 300), plan: planOf(db, s) }))
        .filter(({ plan }) => plan.some(isCostly));
      expect(bad).toEqual([]);
    } finally {
      db.close();
    }
  });
});
