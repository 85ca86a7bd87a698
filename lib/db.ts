import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { storeAdapterFactory } from "@/lib/store/store-adapter";

// The one Prisma client. Moving to Postgres means changing the adapter here and the
// provider in prisma/schema.prisma; nothing else constructs a client. (The store adapter's writer
// and reader connections are for SQLite only: a server database has a pool.)
function createPrismaClient(dbFile: string): PrismaClient {
  // a transaction may wait for other processes' write lock (bounded in the adapter) before it starts
  return new PrismaClient({ adapter: storeAdapterFactory(dbFile), transactionOptions: { maxWait: 20_000, timeout: 30_000 } });
}

const globalForPrisma = globalThis as unknown as { sensePrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.sensePrisma ?? createPrismaClient(env.dbFile);
if (env.NODE_ENV !== "production") globalForPrisma.sensePrisma = prisma;

export type { PrismaClient };
