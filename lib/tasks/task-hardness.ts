import "server-only";
import { prisma } from "@/lib/db";
import { spiderHardness } from "@/lib/sql/spider-hardness";

/** The Spider hardness of a gold SQL, or "unknown" when the SQL is outside what the rules read. */
export function hardnessOf(goldSql: string): string {
  try {
    return spiderHardness(goldSql);
  } catch {
    return "unknown";
  }
}

/** Computes hardness for tasks stored without one (e.g. before hardness existed). */
export async function backfillTaskHardness(batch = 1_000): Promise<number> {
  let updated = 0;
  for (;;) {
    const tasks = await prisma.task.findMany({
      where: { hardness: null },
      select: { id: true, goldSql: true },
      take: batch,
    });
    if (!tasks.length) return updated;
    await prisma.$transaction(
      tasks.map((t) =>
        prisma.task.update({ where: { id: t.id }, data: { hardness: hardnessOf(t.goldSql) } }),
      ),
    );
    updated += tasks.length;
  }
}
