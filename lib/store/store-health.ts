import "server-only";
import { prisma } from "@/lib/db";
import { readCounters } from "@/lib/store/store-counters";

/** A liveness check of the store for /api/health: one trivial read, no count. */
export async function checkStoreHealth(): Promise<{ ok: true }> {
  await prisma.$queryRaw`SELECT 1`;
  return { ok: true };
}

/** How many target databases and tasks the store holds (the overview's header), from its counters. */
export async function readStoreTotals(): Promise<{ databases: number; tasks: number }> {
  const [databases, counters] = await Promise.all([prisma.targetDatabase.count(), readCounters(["tasks"])]);
  let tasks = 0;
  for (const n of counters.get("tasks")?.values() ?? []) tasks += n;
  return { databases, tasks };
}
