import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  ORIGIN_OF_CANDIDATE_SOURCE,
  candidateSourcesOf,
  type ItemFacetFilters,
} from "@/lib/items/item-facets";

// The filters on an item's origin and difficulty (the rules are in item-facets.ts), twice: as a
// Prisma where and, beside it, as raw SQL for the statements Prisma cannot express (claims, keyset
// pages, export walks). item-facets.test.ts checks that both select the same rows for every value.
// The raw parts reach a pair's task, job and candidate by primary key from the pair's row (named
// by `pair`, a table or its alias), so they need no join and read one row each.

const KNOWN_SOURCES = Object.keys(ORIGIN_OF_CANDIDATE_SOURCE);

/** Pairs whose origin or difficulty is the filter's. */
export function pairFacetsWhere(f: ItemFacetFilters): Prisma.PreferencePairWhereInput {
  const and: Prisma.PreferencePairWhereInput[] = [];
  if (f.difficulty)
    and.push({ task: { OR: [{ difficulty: f.difficulty }, { difficulty: null, hardness: f.difficulty }] } });
  if (f.origin === "imported")
    and.push({
      jobId: null,
      OR: [{ rejectedCandidateId: null }, { rejectedCandidate: { source: { notIn: KNOWN_SOURCES } } }],
    });
  else if (f.origin) {
    const sources = candidateSourcesOf(f.origin);
    and.push({
      OR: [
        { job: { kind: f.origin } },
        ...(sources.length ? [{ jobId: null, rejectedCandidate: { source: { in: sources } } }] : []),
      ],
    });
  }
  return { AND: and };
}

/** The raw-SQL twin of pairFacetsWhere: `1 = 1` without filters. */
export function pairFacetsSql(f: ItemFacetFilters, pair: string): Prisma.Sql {
  const p = Prisma.raw(pair);
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.difficulty)
    parts.push(
      Prisma.sql`(SELECT coalesce(tasks.difficulty, tasks.hardness) FROM tasks WHERE tasks.id = ${p}.task_id) = ${f.difficulty}`,
    );
  const source = Prisma.sql`(SELECT candidates.source FROM candidates WHERE candidates.id = ${p}.rejected_candidate_id)`;
  if (f.origin === "imported")
    parts.push(
      Prisma.sql`(${p}.job_id IS NULL AND coalesce(${source}, '') NOT IN (${Prisma.join(KNOWN_SOURCES)}))`,
    );
  else if (f.origin) {
    const sources = candidateSourcesOf(f.origin);
    const jobless = sources.length
      ? Prisma.sql` OR (${p}.job_id IS NULL AND ${source} IN (${Prisma.join(sources)}))`
      : Prisma.empty;
    parts.push(
      Prisma.sql`((SELECT jobs.kind FROM jobs WHERE jobs.id = ${p}.job_id) = ${f.origin}${jobless})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

/** Samples whose origin or difficulty is the filter's. */
export const sftFacetsWhere = (f: ItemFacetFilters): Prisma.SftSampleWhereInput => ({
  ...(f.difficulty ? { difficulty: f.difficulty } : {}),
  ...(f.origin ? { origin: f.origin } : {}),
});

/** The raw-SQL twin of sftFacetsWhere: `1 = 1` without filters. */
export function sftFacetsSql(f: ItemFacetFilters, sample: string): Prisma.Sql {
  const s = Prisma.raw(sample);
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.difficulty) parts.push(Prisma.sql`${s}.difficulty = ${f.difficulty}`);
  if (f.origin) parts.push(Prisma.sql`${s}.origin = ${f.origin}`);
  return Prisma.join(parts, " AND ");
}
