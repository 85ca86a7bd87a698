import "server-only";
import type { Tx } from "@/lib/jobs/item-outcome";

// What a strong job's proposal of domains came to, kept in the job's counters ('job:<id>') in the
// transaction that ends the propose-domains item: from then on its item count is known and its
// total is planned exactly (lib/jobs/planned-total.ts). Counts of 0 are not read, so the end is
// its own key: "proposal:ended" 1, and "proposal:domains" the number of new domains named.

export const PROPOSAL_ENDED_KEY = "proposal:ended";
export const PROPOSAL_DOMAINS_KEY = "proposal:domains";

export type DomainProposal = { ended: boolean; domains: number };

/** Records that the job's proposal ended with `domains` new domains (0 when it failed for good). */
export async function recordDomainProposal(tx: Tx, jobId: string, domains: number): Promise<void> {
  for (const [key, n] of [[PROPOSAL_ENDED_KEY, 1], [PROPOSAL_DOMAINS_KEY, domains]] as const) {
    await tx.$executeRaw`INSERT INTO store_counters (scope, key, n) VALUES (${`job:${jobId}`}, ${key}, ${n}) ON CONFLICT (scope, key) DO UPDATE SET n = excluded.n`;
  }
}

/** The proposal as the job's counters hold it. */
export const readDomainProposal = (counts: Map<string, number> | undefined): DomainProposal => ({
  ended: (counts?.get(PROPOSAL_ENDED_KEY) ?? 0) > 0,
  domains: counts?.get(PROPOSAL_DOMAINS_KEY) ?? 0,
});
