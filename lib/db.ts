import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { storeAdapterFactory } from "@/lib/store/store-adapter";
import type { SqlExec } from "@/lib/store/sql-exec";

// The one Prisma client. Moving to Postgres means changing the adapter here and the
// provider in prisma/schema.prisma; nothing else constructs a client. (The store adapter's writer
// and reader connections are for SQLite only: a server database has a pool.)
function createStore(dbFile: string) {
  const adapter = storeAdapterFactory(dbFile);
  // a transaction may wait for other processes' write lock (bounded in the adapter) before it starts
  return {
    prisma: new PrismaClient({ adapter, transactionOptions: { maxWait: 20_000, timeout: 30_000 } }),
    adapter,
  };
}

const globalForPrisma = globalThis as unknown as { senseStore?: ReturnType<typeof createStore> };

const store = globalForPrisma.senseStore ?? createStore(env.dbFile);
if (env.NODE_ENV !== "production") globalForPrisma.senseStore = store;

export const prisma: PrismaClient = store.prisma;

/** A Prisma interactive transaction. */
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/**
 * A write transaction on the store's writer connection without Prisma's query pipeline, for hot
 * paths of plain SQL (the job runner's batched writes): the same lock, BEGIN IMMEDIATE and busy
 * handling as `prisma.$transaction`.
 */
export async function writeOnStore<T>(work: (exec: SqlExec) => Promise<T>): Promise<T> {
  if (!store.adapter.writer()) await prisma.$connect();
  const writer = store.adapter.writer();
  if (!writer) throw new Error("The store's writer connection is not open.");
  return writer.transaction(work);
}

export type { PrismaClient };
