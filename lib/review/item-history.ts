import "server-only";
import { prisma } from "@/lib/db";
import type { ReviewQueue } from "@/lib/review/review-types";
import { KIND } from "@/lib/items/item-kinds";

export type HistoryEntry = {
  id: string;
  action: string;
  who: string;
  at: string;
  undone: boolean;
  changes: { field: string; before: unknown; after: unknown }[];
};

/** Every audit row of an item, oldest first, with the fields each action changed. */
export async function readItemHistory(queue: ReviewQueue, id: string): Promise<HistoryEntry[]> {
  const rows = await prisma.reviewAction.findMany({
    where: { itemType: KIND[queue].auditType, itemId: id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => {
    const before = JSON.parse(r.beforeJson) as Record<string, unknown>;
    const after = JSON.parse(r.afterJson) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (f) => f !== "editedResultJson",
    );
    return {
      id: r.id,
      action: r.action,
      who: r.user?.name ?? "a deleted account", // every decision has a person; none means the account was deleted
      at: r.createdAt.toISOString(),
      undone: r.undoneAt !== null,
      changes: fields
        .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
        .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
    };
  });
}
