import "server-only";
import type { SqlExec } from "@/lib/store/sql-exec";
import { sqlTime } from "@/lib/store/sql-time";

/** How a leased item ended: done, back to pending for a retry, or failed for good. */
export type ItemMark = {
  id: string;
  claim: string;
  status: "done" | "pending" | "failed";
  failure: { kind: string; message: string } | null;
};

/** The item's lease went to another worker (this one was too slow or presumed dead): nothing was written. */
export class LeaseLostError extends Error {
  constructor(itemId: string) {
    super(`Lease on job item ${itemId} was lost; its outputs were not written.`);
    this.name = "LeaseLostError";
  }
}

/**
 * Marks leased items with their ends, each only while its claim still holds the lease, in one
 * statement for the whole batch (one statement text for any number: the marks go as a JSON
 * array). A done item keeps its claim as owner, so a late copy of it can tell it was done.
 * Returns the ids of the items marked; the others' leases were lost. An item may be marked once a
 * call (two ends of one item, an old claim's and the current one's, go in separate calls: the
 * ids returned could not tell them apart, as SQLite's RETURNING cannot name the FROM table). (The unary `+` keeps SQLite
 * from driving the update by the status index: each mark is a look-up by primary key.)
 */
export async function markItems(exec: SqlExec, marks: ItemMark[], now: Date): Promise<Set<string>> {
  if (new Set(marks.map((m) => m.id)).size < marks.length)
    throw new Error("An item can be marked once in a transaction.");
  const marked = new Set<string>();
  for (let i = 0; i < marks.length; i += 500) {
    const part = marks
      .slice(i, i + 500)
      .map((m) => [m.id, m.claim, m.status, m.failure?.message ?? null, m.failure?.kind ?? null]);
    const rows = await exec.query<{ id: string }>(MARK_ITEMS, [sqlTime(now), JSON.stringify(part)]);
    for (const row of rows) marked.add(row.id);
  }
  return marked;
}

const MARK_ITEMS = `
  UPDATE job_items SET status = m.status, lease_expires_at = NULL, error = m.error, error_kind = m.kind,
    lease_owner = CASE WHEN m.status = 'done' THEN m.claim END, updated_at = ?
  FROM (SELECT value ->> 0 AS id, value ->> 1 AS claim, value ->> 2 AS status, value ->> 3 AS error, value ->> 4 AS kind FROM json_each(?)) AS m
  WHERE job_items.id = m.id AND +job_items.lease_owner = m.claim AND +job_items.status = 'leased'
  RETURNING job_items.id AS id`;
