import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { AsyncLock } from "@/lib/store/async-lock";
import { beginImmediate } from "@/lib/store/begin-immediate";
import { keepStatements } from "@/lib/store/statement-cache";
import type { SqlExec } from "@/lib/store/sql-exec";

// The store's driver adapter: two better-sqlite3 connections on one SQLite file in WAL mode.
// - The writer runs every transaction and every write. Prisma's adapter serializes transactions on
//   it, but a query outside a transaction would run inside whatever transaction is open at that
//   moment (seeing its uncommitted rows, and undone by its rollback), so such writes wait until no
//   transaction is open. Every transaction begins with BEGIN IMMEDIATE, and a write outside one is
//   its own IMMEDIATE transaction (see begin-immediate.ts): waiting for other processes' write
//   lock never blocks the event loop, and is bounded (then HTTP 503 with Retry-After).
// - The reader runs read-only statements outside transactions, on its own WAL snapshot: a read
//   never waits behind a transaction that is open on the writer.
// - The job runner's hot writes may skip Prisma's query pipeline (which costs far more per
//   statement than SQLite does): `writer().transaction` runs them on the writer connection under
//   the same lock and BEGIN IMMEDIATE as Prisma's transactions.

/** A transaction on the writer connection, outside Prisma: committed when `work` resolves, rolled back when it throws. */
export type DirectWriter = { transaction<T>(work: (exec: SqlExec) => Promise<T>): Promise<T> };

type Client = Database.Database;

function clientOf(adapter: SqlDriverAdapter): Client {
  const client = (adapter as unknown as { client?: Client }).client;
  if (!client || typeof client.prepare !== "function")
    throw new Error(
      "@prisma/adapter-better-sqlite3 no longer exposes its connection; lib/store/store-adapter.ts needs updating.",
    );
  return client;
}

/** Makes the writer's own `BEGIN` (deferred) a no-op once BEGIN IMMEDIATE was issued for it. */
function takeOverBegin(client: Client): { armed: () => void } {
  let armed = false;
  const kept = client.prepare; // the statement cache (see keepStatements)
  const begun = { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  client.prepare = ((sql: string, ...rest: unknown[]) => {
    if (sql !== "BEGIN")
      return (kept as (sql: string, ...rest: unknown[]) => unknown).call(client, sql, ...rest);
    if (!armed)
      throw new Error("A store transaction must start through lib/store/store-adapter.ts (BEGIN IMMEDIATE).");
    armed = false;
    return begun;
  }) as Client["prepare"];
  return { armed: () => (armed = true) };
}

/** Compiles each SQL text once per connection (Prisma's adapter prepares every query anew). */
function keepCompiled(client: Client) {
  const ownPrepare = Object.getPrototypeOf(client) as Client; // looked up on each call, so tools that wrap the driver's prepare see ours
  return keepStatements(client, (sql, ...rest) =>
    (ownPrepare.prepare as (...a: unknown[]) => Database.Statement<unknown[]>).call(client, sql, ...rest),
  );
}

/** Reads that need the writer's own connection state (the writer's last changes or row id). */
const CONNECTION_STATE = /\b(changes|total_changes|last_insert_rowid)\s*\(/i;

/** Whether a statement may run on the reader: a SELECT or WITH that SQLite calls read-only, asked once per SQL text. */
function readOnlyCheck(reader: Client): (sql: string) => boolean {
  const known = new Map<string, boolean>();
  return (sql) => {
    let readOnly = known.get(sql);
    if (readOnly === undefined) {
      try {
        // BEGIN, SAVEPOINT and some PRAGMAs are "read-only" to SQLite too: only queries go to the reader
        readOnly =
          /^\s*(SELECT|WITH)\b/i.test(sql) && !CONNECTION_STATE.test(sql) && reader.prepare(sql).readonly;
      } catch {
        readOnly = false; // let the writer report the error
      }
      if (known.size > 5_000) known.clear();
      known.set(sql, readOnly);
    }
    return readOnly;
  };
}

function holdingTransaction(tx: Transaction, client: Client, release: () => void): Transaction {
  const finish = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      // a COMMIT that failed leaves the connection in its transaction (the driver's rollback only
      // unlocks): end it here, or every later BEGIN IMMEDIATE on this connection would fail
      if (client.inTransaction) client.prepare("ROLLBACK").run();
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    get options() {
      return tx.options;
    },
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: finish(() => tx.commit()),
    rollback: finish(() => tx.rollback()),
    ...(tx.createSavepoint ? { createSavepoint: (name: string) => tx.createSavepoint!(name) } : {}),
    ...(tx.rollbackToSavepoint
      ? { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) }
      : {}),
    ...(tx.releaseSavepoint ? { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) } : {}),
  };
}

/** SQL on the writer connection, through its kept statements (so the statement capture of tests sees it too). */
function writerExec(client: Client): SqlExec {
  type Bound = { run(): Database.RunResult; all(): unknown[] };
  const bound = (sql: string, args: unknown[]) =>
    (client.prepare(sql) as unknown as { bind(args: unknown[]): Bound }).bind(args);
  return {
    execute: async (sql, args) => bound(sql, args).run().changes,
    query: async <T>(sql: string, args: unknown[]) => bound(sql, args).all() as T[],
  };
}

function storeAdapter(
  writer: SqlDriverAdapter,
  reader: SqlDriverAdapter,
  beginWaitMs: number,
  direct: { current: DirectWriter | null },
): SqlDriverAdapter {
  const lock = new AsyncLock();
  const writerClient = clientOf(writer);
  // in WAL mode NORMAL keeps the store consistent through crashes (a power loss may drop the last
  // commits); FULL synced the WAL on every commit, holding the event loop ~4.6 ms a commit here
  writerClient.pragma("synchronous = NORMAL");
  keepCompiled(writerClient);
  const begin = takeOverBegin(writerClient);
  const readerClient = clientOf(reader);
  readerClient.pragma("query_only = 1");
  keepCompiled(readerClient);
  const isReadOnly = readOnlyCheck(readerClient);
  // a write outside a transaction is its own IMMEDIATE transaction: it waits for the write lock
  // asynchronously, never in the busy handler that would block the event loop
  const writeAlone = <T>(write: () => Promise<T>) =>
    lock.run(async () => {
      await beginImmediate(writerClient, { maxWaitMs: beginWaitMs });
      try {
        const result = await write();
        writerClient.prepare("COMMIT").run();
        return result;
      } catch (error) {
        if (writerClient.inTransaction) writerClient.prepare("ROLLBACK").run();
        throw error;
      }
    });
  const exec = writerExec(writerClient);
  direct.current = {
    transaction: (work) =>
      lock.run(async () => {
        await beginImmediate(writerClient, { maxWaitMs: beginWaitMs });
        try {
          const result = await work(exec);
          await exec.execute("COMMIT", []);
          return result;
        } catch (error) {
          if (writerClient.inTransaction) writerClient.prepare("ROLLBACK").run();
          throw error;
        }
      }),
  };
  return {
    provider: writer.provider,
    adapterName: writer.adapterName,
    queryRaw: (query: SqlQuery) =>
      isReadOnly(query.sql) ? reader.queryRaw(query) : writeAlone(() => writer.queryRaw(query)),
    executeRaw: (query) => writeAlone(() => writer.executeRaw(query)),
    executeScript: (script) => lock.run(() => writer.executeScript(script)),
    ...(writer.getConnectionInfo ? { getConnectionInfo: () => writer.getConnectionInfo!() } : {}),
    dispose: async () => {
      direct.current = null;
      await reader.dispose();
      await writer.dispose();
    },
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      let begun = false;
      try {
        await beginImmediate(writerClient, { maxWaitMs: beginWaitMs });
        begun = true;
        begin.armed();
        return holdingTransaction(await writer.startTransaction(isolationLevel), writerClient, release);
      } catch (error) {
        if (begun && writerClient.inTransaction) writerClient.prepare("ROLLBACK").run();
        release();
        throw error;
      }
    },
  };
}

/** The adapter factory for the store file: a writer and a reader connection (see above); `writer()` once connected. */
export function storeAdapterFactory(
  dbFile: string,
  options: { busyTimeoutMs?: number; beginWaitMs?: number } = {},
): SqlDriverAdapterFactory & { writer(): DirectWriter | null } {
  // every write waits for the lock in beginImmediate; the busy timeout is a short safety net for
  // the rare moments a WAL reader has to wait (recovery after a crash)
  const config = { url: `file:${dbFile}`, timeout: options.busyTimeoutMs ?? 200 };
  const writer = new PrismaBetterSqlite3(config);
  const reader = new PrismaBetterSqlite3(config);
  const direct: { current: DirectWriter | null } = { current: null };
  return {
    provider: writer.provider,
    adapterName: writer.adapterName,
    connect: async () =>
      storeAdapter(await writer.connect(), await reader.connect(), options.beginWaitMs ?? 15_000, direct),
    writer: () => direct.current,
  };
}
