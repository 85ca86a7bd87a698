import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import type { Tx } from "@/lib/jobs/item-outcome";
import { addToJob, noDelta } from "@/lib/jobs/job-sql";
import { prismaExec } from "@/lib/store/sql-exec";
import { sqlTime } from "@/lib/store/sql-time";
import { DEFAULT_MAX_ATTEMPTS, MAX_LOST_LEASES } from "@/lib/jobs/retry-policy";
import { failRowsOfStoppedFileJobs } from "@/lib/jobs/file-jobs";

/** Claims beyond the allowed attempts that may end in a lost lease (a runner killed or stuck). */

export type ClaimedItem = {
  id: string;
  jobId: string;
  step: string;
  payloadJson: string;
  attempts: number;
  claim: string;
};

type ClaimedRow = { id: string; jobId: string; step: string; payloadJson: string; attempts: number | bigint };
type Claim = { token: string; now: string; until: string };

// which running job is served first: it moves on with every claim, so that equal shares leave no
// job behind when the shares do not divide evenly (one slot free, two jobs)
let rotation = 0;

const toItems = (rows: ClaimedRow[], claim: Claim): ClaimedItem[] =>
  rows.map((r) => ({ ...r, attempts: Number(r.attempts), claim: claim.token }));

// In both claims, the outer conditions re-check each chosen row (another runner may have taken it
// meanwhile); their "+" keeps SQLite on the primary key, not on an index of every item of that status.

/** Leases whose runner died (expired), oldest first: a range of the (status, lease_expires_at) index. */
async function claimExpired(
  tx: Tx,
  claim: Claim,
  limit: number,
  attemptsCap: number,
): Promise<ClaimedItem[]> {
  const rows = await tx.$queryRaw<ClaimedRow[]>`
    UPDATE job_items SET lease_owner = ${claim.token}, lease_expires_at = ${claim.until}, attempts = attempts + 1, updated_at = ${claim.now}
    WHERE id IN (
      SELECT id FROM job_items
      WHERE status = 'leased' AND lease_expires_at < ${claim.now} AND attempts < ${attemptsCap}
        AND job_id IN (SELECT id FROM jobs WHERE status = 'running')
      ORDER BY lease_expires_at LIMIT ${limit}
    ) AND +status = 'leased' AND +lease_expires_at < ${claim.now}
    RETURNING id, job_id AS jobId, step, payload_json AS payloadJson, attempts`;
  return toItems(rows, claim);
}

/** A running job's oldest pending items, in order: the head of the (job_id, status, created_at, id) index. */
async function claimPending(tx: Tx, claim: Claim, jobId: string, limit: number): Promise<ClaimedItem[]> {
  const rows = await tx.$queryRaw<ClaimedRow[]>`
    UPDATE job_items SET status = 'leased', lease_owner = ${claim.token}, lease_expires_at = ${claim.until}, attempts = attempts + 1, updated_at = ${claim.now}
    WHERE id IN (
      SELECT id FROM job_items WHERE job_id = ${jobId} AND status = 'pending' ORDER BY created_at, id LIMIT ${limit}
    ) AND +status = 'pending' AND EXISTS (SELECT 1 FROM jobs WHERE id = ${jobId} AND status = 'running')
    RETURNING id, job_id AS jobId, step, payload_json AS payloadJson, attempts`;
  return toItems(rows, claim);
}

/**
 * Claims up to `limit` items of running jobs for `workerId`: leased ones whose lease has expired
 * (their worker died) first, then pending ones in equal shares across the running jobs, each job
 * at most `roomFor(jobId)` items (a share a job cannot fill or use goes to the others). Each claim is one conditional UPDATE … RETURNING that marks
 * rows with a token unique to this claim; rows another worker took first simply do not match.
 */
export function claimJobItems(
  workerId: string,
  limit: number,
  leaseMs: number,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
  roomFor: (jobId: string) => number = () => limit,
): Promise<ClaimedItem[]> {
  // one transaction: one commit (and sync to disk) for the whole claim
  return prisma.$transaction((tx) => claimInTransaction(tx, workerId, limit, leaseMs, maxAttempts, roomFor));
}

async function claimInTransaction(
  tx: Tx,
  workerId: string,
  limit: number,
  leaseMs: number,
  maxAttempts: number,
  roomFor: (jobId: string) => number,
): Promise<ClaimedItem[]> {
  const now = new Date();
  const claim: Claim = {
    token: `${workerId}:${crypto.randomUUID()}`,
    now: sqlTime(now),
    until: sqlTime(new Date(now.getTime() + leaseMs)),
  };
  // an item whose runner keeps dying on it is not claimed again and again (see finishIdleJobs)
  const won = await claimExpired(tx, claim, limit, maxAttempts + MAX_LOST_LEASES);
  if (won.length >= limit) return won;
  const running = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM jobs WHERE status = 'running'`;
  const first = running.length ? rotation++ % running.length : 0;
  let open = [...running.slice(first), ...running.slice(0, first)].map((j) => j.id);
  while (won.length < limit && open.length) {
    const share = Math.ceil((limit - won.length) / open.length);
    const more: string[] = [];
    for (const jobId of open) {
      if (limit - won.length <= 0) break;
      // a job the runner already holds as many items of as it can use gets none (its share goes to the others)
      const room = roomFor(jobId) - won.filter((i) => i.jobId === jobId).length;
      const want = Math.min(share, limit - won.length, room);
      if (want <= 0) continue;
      const got = await claimPending(tx, claim, jobId, want);
      won.push(...got);
      if (got.length === want && room > want) more.push(jobId); // it may have more to give, and room for it
    }
    open = more;
  }
  return won;
}

/**
 * House-keeping when a runner has nothing to do: items whose leases were lost too often are failed
 * as "abandoned", running jobs left with no open item are marked done (a safety net: every
 * item's end closes its job in the same transaction when it was the last), and an export or import
 * whose job stopped without it is failed (lib/jobs/file-jobs.ts).
 */
export async function finishIdleJobs(maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<void> {
  const now = new Date();
  const abandoned = await prisma.$queryRaw<{ id: string; jobId: string }[]>`
    SELECT id, job_id AS jobId FROM job_items
    WHERE status = 'leased' AND lease_expires_at < ${sqlTime(now)} AND attempts >= ${maxAttempts + MAX_LOST_LEASES}`;
  for (const item of abandoned) {
    await prisma.$transaction(async (tx) => {
      const failed = await tx.$executeRaw`
        UPDATE job_items SET status = 'failed', lease_owner = NULL, lease_expires_at = NULL, error_kind = 'abandoned',
          error = 'Its runner stopped or lost the lease on every attempt.', updated_at = ${sqlTime(now)}
        WHERE id = ${item.id} AND status = 'leased' AND lease_expires_at < ${sqlTime(now)}`;
      if (failed) await addToJob(prismaExec(tx), item.jobId, { ...noDelta(), itemsFailed: 1 }, now);
    });
  }
  await prisma.$executeRaw`
    UPDATE jobs SET status = 'done', finished_at = ${sqlTime(now)}
    WHERE status = 'running' AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = jobs.id AND status IN ('pending', 'leased'))`;
  await failRowsOfStoppedFileJobs();
}
