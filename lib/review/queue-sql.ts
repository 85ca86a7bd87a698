import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { pairFacetsSql, sftFacetsSql } from "@/lib/items/item-facets-where";
import type { QueueItemFilters } from "@/lib/review/review-queue-filters";
import type { ReviewQueue } from "@/lib/review/review-types";
import { KIND } from "@/lib/items/item-kinds";

// The review queues as SQL, for the statements Prisma's query API cannot express in one go (claim
// the oldest N unclaimed items). Times are compared in their stored form (lib/store/sql-time.ts).
// (On Postgres, the claim adds FOR UPDATE SKIP LOCKED.)

export const queueTable = (queue: ReviewQueue) => Prisma.raw(KIND[queue].table);

/**
 * The filter part of a queue's WHERE clause (job, database, difficulty, origin), for claims and the
 * Browse pages. `reviewableOnly` (claims): only samples whose SQL runs are reviewed.
 */
export function queueFilterSql(
  queue: ReviewQueue,
  f: QueueItemFilters,
  options: { reviewableOnly: boolean } = { reviewableOnly: true },
): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.job) parts.push(Prisma.sql`job_id = ${f.job}`);
  if (queue === "sft") {
    if (options.reviewableOnly) parts.push(Prisma.sql`exec_status = 'ok'`);
    if (f.database)
      parts.push(Prisma.sql`database_id IN (SELECT id FROM target_databases WHERE name = ${f.database})`);
    parts.push(sftFacetsSql(f, "sft_samples"));
  } else {
    // per pair, its task by primary key (a list of every task of a database or difficulty would be O(store))
    if (f.database)
      parts.push(
        Prisma.sql`(SELECT t.database_id FROM tasks t WHERE t.id = task_id) = (SELECT d.id FROM target_databases d WHERE d.name = ${f.database})`,
      );
    parts.push(pairFacetsSql(f, "preference_pairs")); // origin and difficulty as lib/items/item-facets.ts defines them
  }
  return Prisma.join(parts, " AND ");
}
