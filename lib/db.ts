import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one Prisma client. Moving to Postgres means changing the adapter here and the
// provider in prisma/schema.prisma; nothing else constructs a client.
function createPrismaClient(dbFile: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: `file:${dbFile}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { sensePrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.sensePrisma ?? createPrismaClient(env.dbFile);
if (env.NODE_ENV !== "production") globalForPrisma.sensePrisma = prisma;

export type { PrismaClient };
