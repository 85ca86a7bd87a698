import type Database from "better-sqlite3";
import { AppError } from "@/lib/errors";

// Every write transaction on the store starts as a write: `BEGIN IMMEDIATE` takes SQLite's write
// lock before the transaction reads anything. A deferred `BEGIN` that reads first and writes later
// fails at once with SQLITE_BUSY_SNAPSHOT when another process committed in between (the busy
// timeout cannot help there), which turned review actions next to `npm run worker` processes into
// errors. Waiting for the lock is done here, asynchronously, with a bounded number of tries: the
// connection's own busy timeout would block the whole process's event loop while it waits.

export type BeginOptions = {
  /** Give up after this long, with an error that says the store stayed busy. */
  maxWaitMs?: number;
};

const isBusy = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  String((error as { code: unknown }).code).startsWith("SQLITE_BUSY");

/** The error a caller sees when other processes held the store's write lock for too long (HTTP 503, Retry-After 1). */
export class StoreBusyError extends AppError {
  constructor(waitedMs: number) {
    super(
      "unavailable",
      `The store stayed locked by another process for ${Math.round(waitedMs)} ms; nothing was changed. Try again.`,
      { retryAfterSeconds: 1 },
    );
    this.name = "StoreBusyError";
  }
}

/**
 * Runs `BEGIN IMMEDIATE` on the connection, retrying with growing pauses (1 ms up to 50 ms, with
 * jitter) while another connection holds the write lock. The connection's busy timeout is set to 0
 * for the attempt, so no attempt blocks the event loop.
 */
export async function beginImmediate(client: Database.Database, options: BeginOptions = {}): Promise<void> {
  const maxWaitMs = options.maxWaitMs ?? 15_000;
  const started = performance.now();
  const previousTimeout = client.pragma("busy_timeout", { simple: true }) as number;
  let pause = 1;
  try {
    client.pragma("busy_timeout = 0");
    for (;;) {
      try {
        client.prepare("BEGIN IMMEDIATE").run();
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        const waited = performance.now() - started;
        if (waited >= maxWaitMs) throw new StoreBusyError(waited);
        await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
        pause = Math.min(pause * 2, 50);
      }
    }
  } finally {
    client.pragma(`busy_timeout = ${Number(previousTimeout) || 0}`);
  }
}

/**
 * The busy error as it reaches a caller: as thrown, or wrapped by Prisma for a single write (which
 * keeps its code and ends its message with ours).
 */
export function asStoreBusyError(error: unknown): StoreBusyError | null {
  if (error instanceof StoreBusyError) return error;
  const e = error as { name?: string; code?: unknown; message?: unknown } | null;
  // Prisma's own wait for a transaction to start ran out (queued behind this process's others)
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2028")
    return new StoreBusyError(Number(/(\d+) ?ms/.exec(String(e.message))?.[1] ?? 0));
  if (
    e?.name !== "PrismaClientKnownRequestError" ||
    e.code !== "unavailable" ||
    typeof e.message !== "string"
  )
    return null;
  const waited = /stayed locked by another process for (\d+) ms/.exec(e.message);
  return waited ? new StoreBusyError(Number(waited[1])) : null;
}
