import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QueueItemFilters } from "@/lib/review/review-queue-filters";
import type { ReviewQueue } from "@/lib/review/review-types";

// The review queues as SQL, for the statements Prisma's query API cannot express in one go (claim
// the oldest N unclaimed items). Times are stored by Prisma as ISO text with "+00:00", so they are
// compared as text in the same form. (On Postgres, the claim adds FOR UPDATE SKIP LOCKED.)

export const queueTable = (queue: ReviewQueue) => Prisma.raw(queue === "sft" ? "sft_samples" : "preference_pairs");

export const sqlTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** The filter part of a queue's WHERE clause (job, database, difficulty, origin). */
export function queueFilterSql(queue: ReviewQueue, f: QueueItemFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.job) parts.push(Prisma.sql`job_id = ${f.job}`);
  if (queue === "sft") {
    parts.push(Prisma.sql`exec_status = 'ok'`); // only samples whose SQL runs are reviewed
    if (f.database) parts.push(Prisma.sql`database_id IN (SELECT id FROM target_databases WHERE name = ${f.database})`);
    if (f.difficulty) parts.push(Prisma.sql`difficulty = ${f.difficulty}`);
    if (f.origin) parts.push(Prisma.sql`origin = ${f.origin}`);
  } else {
    if (f.database) parts.push(Prisma.sql`task_id IN (SELECT t.id FROM tasks t JOIN target_databases d ON d.id = t.database_id WHERE d.name = ${f.database})`);
    if (f.difficulty) parts.push(Prisma.sql`task_id IN (SELECT id FROM tasks WHERE difficulty = ${f.difficulty} OR hardness = ${f.difficulty})`);
    if (f.origin) parts.push(Prisma.sql`job_id IN (SELECT id FROM jobs WHERE kind = ${f.origin})`);
  }
  return Prisma.join(parts, " AND ");
}
