import "server-only";
import { prisma, writeOnStore, type Tx } from "@/lib/db";
import { asStoreBusyError } from "@/lib/store/begin-immediate";
import { prismaExec, type SqlExec } from "@/lib/store/sql-exec";
import { addToJob, noDelta, type JobDelta } from "@/lib/jobs/job-sql";
import { BatchRows } from "@/lib/jobs/batch-rows";
import { LeaseLostError, markItems, type ItemMark } from "@/lib/jobs/mark-items";

/**
 * A write to make in a shared transaction. It returns null when done, or an error when it wrote
 * nothing on purpose (e.g. its lease was lost): that error goes to its caller and the others'
 * writes stand. A write that throws rolls the whole transaction back, and every write of it is
 * then retried in a transaction of its own, so that one bad write never sinks the others.
 * What the writes add to their jobs' totals (`batch.add`) is summed and written once per job, last;
 * rows they give `batch.insert` and items' results (`batch.result`) are written together before that.
 * A write may come with the end of a leased job item (`mark`): the marks of a transaction are made
 * first, in one statement, and a write whose item's lease was lost is not run (it gets a
 * LeaseLostError). A write is either `{ tx }`, which may use the Prisma transaction, or `{ rows }`,
 * which only hands the batch rows and counts: a transaction of `rows` writes alone runs on the
 * store's writer outside Prisma (its query pipeline cost the runner more than SQLite did).
 */
export type BatchWriter = Pick<BatchRows, "insert" | "result"> & {
  add: (jobId: string, delta: Partial<JobDelta>) => void;
};
export type BatchedWrite =
  | { tx: (tx: Tx, batch: BatchWriter) => Promise<Error | null> }
  | { rows: (batch: BatchWriter) => Error | null };

type Queued = { write: BatchedWrite; mark?: ItemMark; resolve: () => void; reject: (error: unknown) => void };

const MAX_PER_TRANSACTION = 64;
/**
 * How long the first write of a transaction waits for others to join it (unless the batch is full
 * sooner). A commit and each statement cost the same for one item as for many: at the runner's
 * rates (hundreds of items a second) a few milliseconds gather several items' ends in one.
 */
const GATHER_MS = 4;
const queue: Queued[] = [];
let flushing = false;
let wakeGatherer: (() => void) | null = null;

/** Waits until the batch is full or the first queued write has waited GATHER_MS. */
async function gather(): Promise<void> {
  // let the answers that have arrived meanwhile queue their writes too (the store's driver is
  // synchronous: while it commits, nothing else runs, and nothing else would join the batch)
  await new Promise((resolve) => setImmediate(resolve));
  if (queue.length >= MAX_PER_TRANSACTION) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, GATHER_MS);
    function done() {
      clearTimeout(timer);
      wakeGatherer = null;
      resolve();
    }
    wakeGatherer = done;
  });
}

/** How many transactions the batches took for how many writes, and how many ran outside Prisma (benchmarks print it). */
export const writeBatchStats = { transactions: 0, writes: 0, direct: 0 };

/** Marks the items, runs the writes of those still held, then the rows they put off, then adds what they counted to their jobs. */
async function runWrites(exec: SqlExec, tx: Tx | null, writes: Queued[]): Promise<(Error | null)[]> {
  const now = new Date();
  const marks = writes.flatMap((queued) => (queued.mark ? [queued.mark] : []));
  const marked = marks.length ? await markItems(exec, marks, now) : new Set<string>();
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
  for (const { write, mark } of writes) {
    if (mark && !marked.has(mark.id)) outcomes.push(new LeaseLostError(mark.id));
    else if ("rows" in write) outcomes.push(write.rows(batch));
    else outcomes.push(await write.tx(tx!, batch));
  }
  await rows.write(exec);
  for (const [jobId, delta] of deltas) await addToJob(exec, jobId, delta, now);
  return outcomes;
}

/** One transaction for these writes: outside Prisma when none needs its transaction. */
function transaction(writes: Queued[]): Promise<(Error | null)[]> {
  writeBatchStats.transactions++;
  writeBatchStats.writes += writes.length;
  if (writes.every((queued) => "rows" in queued.write)) {
    writeBatchStats.direct++;
    return writeOnStore((exec) => runWrites(exec, null, writes));
  }
  return prisma.$transaction((tx) => runWrites(prismaExec(tx), tx, writes));
}

async function runAlone(queued: Queued): Promise<void> {
  const { resolve, reject } = queued;
  try {
    const [refused] = await transaction([queued]);
    if (refused) reject(refused);
    else resolve();
  } catch (error) {
    reject(error);
  }
}

/**
 * The next writes for one transaction, in order, with at most one end of each job item: a second
 * end of the same item (an old claim's and the current one's, or one claim's twice) waits for the
 * next transaction, where it is judged against what the first one did.
 */
function takeBatch(): Queued[] {
  const batch: Queued[] = [];
  const items = new Set<string>();
  let i = 0;
  while (i < queue.length && batch.length < MAX_PER_TRANSACTION) {
    const id = queue[i]!.mark?.id;
    if (id !== undefined && items.has(id)) {
      i++;
      continue;
    }
    if (id !== undefined) items.add(id);
    batch.push(queue.splice(i, 1)[0]!);
  }
  return batch;
}

async function flush(): Promise<void> {
  flushing = true;
  try {
    while (queue.length) {
      await gather();
      const batch = takeBatch();
      if (batch.length === 1) {
        await runAlone(batch[0]!);
        continue;
      }
      let outcomes: (Error | null)[];
      try {
        outcomes = await transaction(batch);
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
 * waits a few milliseconds for others (GATHER_MS); those that come while it commits go together
 * in the next transaction.
 */
export function writeInBatch(write: BatchedWrite, mark?: ItemMark): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    queue.push({ write, mark, resolve, reject });
    if (queue.length >= MAX_PER_TRANSACTION) wakeGatherer?.();
    if (!flushing) void flush();
  });
}
