import "server-only";
import { prisma } from "@/lib/db";
import { EXPORT_FORMATS } from "@/lib/export/export-formats";
import type { ItemKind } from "@/lib/items/item-kinds";

/** Exports are started by people, so few; the overview reads at most this many, newest first. */
const MAX_EXPORTS = 1_000;

/**
 * Rows written by finished exports, SFT and pair formats apart. An item exported twice counts
 * twice: the store keeps no per-item export mark, so this is "rows exported", not "items exported".
 */
export async function readExportedRows(): Promise<Record<ItemKind, number>> {
  const exports = await prisma.export.findMany({
    orderBy: { createdAt: "desc" },
    take: MAX_EXPORTS,
    select: { format: true, status: true, rowCount: true },
  });
  const out: Record<ItemKind, number> = { sft: 0, pairs: 0 };
  for (const e of exports) {
    if (e.status !== "done") continue;
    const format = EXPORT_FORMATS[e.format as keyof typeof EXPORT_FORMATS];
    if (format) out[format.kind] += e.rowCount;
  }
  return out;
}
