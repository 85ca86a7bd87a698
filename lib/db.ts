import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { serializedAdapterFactory } from "@/lib/store/serialized-adapter";

// The one Prisma client. Moving to Postgres means changing the adapter here and the
// provider in prisma/schema.prisma; nothing else constructs a client. (The serializing wrapper is
// for SQLite's single connection only: a server database has a pool.)
function createPrismaClient(dbFile: string): PrismaClient {
  const adapter = serializedAdapterFactory(new PrismaBetterSqlite3({ url: `file:${dbFile}`, timeout: 10_000 }));
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { sensePrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.sensePrisma ?? createPrismaClient(env.dbFile);
if (env.NODE_ENV !== "production") globalForPrisma.sensePrisma = prisma;

export type { PrismaClient };
