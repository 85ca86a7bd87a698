import type { prisma } from "@/lib/db";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** What a job step produced: outputs to write with the item's completion, or a failure. */
export type ItemOutcome =
  | { ok: true; result: unknown; write: (tx: Tx) => Promise<void> }
  | { ok: false; kind: string; message: string; retryable: boolean };
