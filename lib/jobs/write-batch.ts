import "server-only";
import { prisma } from "@/lib/db";
import { asStoreBusyError } from "@/lib/store/begin-immediate";
import type { Tx } from "@/lib/jobs/item-outcome";
import { addToJob, noDelta, type JobDelta } from "@/lib/jobs/job-sql";
import { BatchRows } from "@/lib/jobs/batch-rows";

/**
 * A write to make in a shared transaction. It returns null when done, or an error when it wrote
 * nothing on purpose (e.g. its lease was lost): that error goes to its caller and the others'
 * writes stand. A write that throws rolls the whole transaction back, and every write of it is
 * then retried in a transaction of its own, so that one bad write never sinks the others.
 * What the writes add to their jobs' totals (`batch.add`) is summed and written once per job, last;
 * rows they give `batch.insert` and items' results (`batch.result`) are written together before that.
 */
export type BatchWriter = Pick<BatchRows, "insert" | "result"> & { add: (jobId: string, delta: Partial<JobDelta>) => void };
export type BatchedWrite = (tx: Tx, batch: BatchWriter) => Promise<Error | null>;

type Queued = { write: BatchedWrite; resolve: () => void; reject: (error: unknown) => void };

const MAX_PER_TRANSACTION = 64;
const queue: Queued[] = [];
let flushing = false;

/** How many transactions the batches took for how many writes (benchmarks print it). */
export const writeBatchStats = { transactions: 0, writes: 0 };

/** Runs writes in one transaction, then the rows they put off, then adds what they counted to their jobs. */
async function runWrites(tx: Tx, writes: BatchedWrite[]): Promise<(Error | null)[]> {
  const deltas = new Map<string, JobDelta>();
  const rows = new BatchRows();
  const batch: BatchWriter = {
    add: (jobId, delta) => {
      const sum = deltas.get(jobId) ?? noDelta();
      for (const key of Object.keys(delta) as (keyof JobDelta)[]) sum[key] += delta[key] ?? 0;
      deltas.set(jobId, sum);
    },
    insert: (table, columns, values) => rows.insert(table, columns, values),
    result: (itemId, resultJson) => rows.result(itemId, resultJson),
  };
  const outcomes: (Error | null)[] = [];
  for (const write of writes) outcomes.push(await write(tx, batch));
  await rows.write(tx);
  const now = new Date();
  for (const [jobId, delta] of deltas) await addToJob(tx, jobId, delta, now);
  return outcomes;
}

async function runAlone({ write, resolve, reject }: Queued): Promise<void> {
  writeBatchStats.transactions++;
  writeBatchStats.writes++;
  try {
    const [refused] = await prisma.$transaction((tx) => runWrites(tx, [write]));
    if (refused) reject(refused);
    else resolve();
  } catch (error) {
    reject(error);
  }
}

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (queue.length) {
      // let the answers that have arrived meanwhile queue their writes too (the store's driver is
      // synchronous: while it commits, nothing else runs, and nothing else would join the batch)
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.splice(0, MAX_PER_TRANSACTION);
      if (batch.length === 1) {
        await runAlone(batch[0]!);
        continue;
      }
      let outcomes: (Error | null)[];
      writeBatchStats.transactions++;
      writeBatchStats.writes += batch.length;
      try {
        outcomes = await prisma.$transaction((tx) => runWrites(tx, batch.map((queued) => queued.write)));
      } catch (error) {
        // the store stayed locked: every write would wait as long again, so all of them fail now
        // (their items are retried); any other error is one write's, found by running them alone
        const busy = asStoreBusyError(error);
        if (busy) batch.forEach((queued) => queued.reject(busy));
        else for (const queued of batch) await runAlone(queued);
        continue;
      }
      batch.forEach((queued, i) => (outcomes[i] ? queued.reject(outcomes[i]) : queued.resolve()));
    }
  } finally {
    flushing = false;
  }
}

/**
 * Makes a write in a transaction shared with the writes queued meanwhile (group commit): the
 * store commits, and syncs to disk, once for all of them instead of once each. The first write
 * starts at once; those that come while it commits go together in the next transaction.
 */
export function writeInBatch(write: BatchedWrite): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    queue.push({ write, resolve, reject });
    if (!flushing) void flush();
  });
}
