// The cost of a job's model calls, for every place that shows it (job page, jobs table, CLI).
// Pure: the client components import it too.

/** A provider's prices as stored: null where nobody set one (its calls were then costed at 0). */
export type ProviderPrices = { inputPricePerMTok: number | null; outputPricePerMTok: number | null };

/**
 * The cost of `calls` model calls that were costed at `costUsd`, or null when it is unknown: the
 * provider has no price for prompt or for completion tokens, so a 0 says nothing (a real $0 is a
 * provider priced at 0). No calls cost nothing. A job whose provider was deleted keeps a cost that
 * was priced (above 0).
 */
export function knownCostUsd(costUsd: number, prices: ProviderPrices | null, calls: number): number | null {
  if (calls === 0) return 0;
  if (prices === null) return costUsd > 0 ? costUsd : null;
  return prices.inputPricePerMTok !== null && prices.outputPricePerMTok !== null ? costUsd : null;
}

/** A cost in dollars (4 decimals below $1, cents above), or `unknown` ("—" on a page, words in the CLI). */
export function formatCostUsd(usd: number | null, unknown = "—"): string {
  if (usd === null) return unknown;
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}
