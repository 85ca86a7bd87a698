import type { Tx } from "@/lib/db";
import type { JobStep, StepPayload } from "@/lib/jobs/job-step-registry";

export type { Tx };

/** Rows an item's write puts off to the end of its shared transaction (one INSERT for many items' rows). */
export type DeferredRows = { insert: (table: string, columns: readonly string[], rows: unknown[][]) => void };

/** Writes an item's outputs (returning the item's result): in `tx` at once, or in `rows` at the transaction's end. */
export type ItemWrite = (tx: Tx, rows: DeferredRows) => Promise<unknown>;

/**
 * Writes an item's outputs as rows only (returning the item's result), with no statement of its
 * own: items that all write this way end in a transaction outside Prisma (lib/jobs/write-batch.ts).
 */
export type RowsWrite = { rows: (rows: DeferredRows) => ItemResult };

/** What an item's result records (counts of what it wrote): an object, never a promise (a rows write runs at once). */
export type ItemResult = { [key: string]: unknown } | null;

/** What a job step produced: outputs to write with the item's completion, or a failure. */
export type ItemOutcome =
  | { ok: true; write: ItemWrite | RowsWrite }
  | { ok: false; kind: string; message: string; retryable: boolean };

export const itemFailure = (kind: string, message: string, retryable = false): ItemOutcome => ({
  ok: false,
  kind,
  message,
  retryable,
});

/** Adds work items to a job (inside the transaction that completes the item that found the work). */
export async function enqueueJobItems<S extends JobStep>(
  tx: Tx,
  jobId: string,
  step: S,
  payloads: StepPayload<S>[],
): Promise<void> {
  if (!payloads.length) return;
  for (let i = 0; i < payloads.length; i += 500) {
    await tx.jobItem.createMany({
      data: payloads
        .slice(i, i + 500)
        .map((p) => ({ jobId, step, payloadJson: JSON.stringify(p), status: "pending" })),
    });
  }
  await tx.job.update({ where: { id: jobId }, data: { itemsTotal: { increment: payloads.length } } });
}
