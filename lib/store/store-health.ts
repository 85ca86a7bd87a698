import "server-only";
import { prisma } from "@/lib/db";

/** A cheap liveness check of the store, for /api/health. */
export async function checkStoreHealth(): Promise<{ ok: true; databases: number; tasks: number }> {
  const [databases, tasks] = await Promise.all([prisma.targetDatabase.count(), prisma.task.count()]);
  return { ok: true, databases, tasks };
}
