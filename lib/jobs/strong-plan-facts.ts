import "server-only";
import type { Tx } from "@/lib/jobs/item-outcome";

// What a strong job learns as it runs that changes its planned item count (lib/jobs/planned-total.ts),
// kept in the job's counters ('job:<id>') in the transaction that ends the item which learnt it:
// - its proposal of domains ended ("proposal:ended" 1; counts of 0 are not read, so the end is its
//   own key), naming "proposal:domains" new domains (0 when it failed for good);
// - a database build failed for good ("builds:failed"): that database's questions never come.

export const PROPOSAL_ENDED_KEY = "proposal:ended";
export const PROPOSAL_DOMAINS_KEY = "proposal:domains";
export const FAILED_BUILDS_KEY = "builds:failed";

export type StrongPlanFacts = { proposalEnded: boolean; proposedDomains: number; failedBuilds: number };

const scope = (jobId: string) => `job:${jobId}`;

/** Records that the job's proposal ended with `domains` new domains (0 when it failed for good). */
export async function recordDomainProposal(tx: Tx, jobId: string, domains: number): Promise<void> {
  for (const [key, n] of [
    [PROPOSAL_ENDED_KEY, 1],
    [PROPOSAL_DOMAINS_KEY, domains],
  ] as const) {
    await tx.$executeRaw`INSERT INTO store_counters (scope, key, n) VALUES (${scope(jobId)}, ${key}, ${n}) ON CONFLICT (scope, key) DO UPDATE SET n = excluded.n`;
  }
}

/** Records that one of the job's database builds failed for good. */
export async function recordFailedBuild(tx: Tx, jobId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO store_counters (scope, key, n) VALUES (${scope(jobId)}, ${FAILED_BUILDS_KEY}, 1) ON CONFLICT (scope, key) DO UPDATE SET n = n + 1`;
}

/** The facts as the job's counters hold them. */
export const readStrongPlanFacts = (counts: Map<string, number> | undefined): StrongPlanFacts => ({
  proposalEnded: (counts?.get(PROPOSAL_ENDED_KEY) ?? 0) > 0,
  proposedDomains: counts?.get(PROPOSAL_DOMAINS_KEY) ?? 0,
  failedBuilds: counts?.get(FAILED_BUILDS_KEY) ?? 0,
});
