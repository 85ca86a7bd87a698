import type { prisma } from "@/lib/db";

/** A Prisma interactive transaction, in which an item's outputs are written. */
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** What a job step produced: outputs to write with the item's completion, or a failure. */
export type ItemOutcome =
  | { ok: true; result: unknown; write: (tx: Tx) => Promise<void> }
  | { ok: false; kind: string; message: string; retryable: boolean };
