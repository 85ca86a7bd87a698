import "server-only";
import { prisma } from "@/lib/db";
import type { ItemDatabase } from "@/lib/items/item-facets";

/**
 * Every database that has items: SFT samples (a strong job's synthesized databases hold only
 * these) or tasks (what preference pairs and imported samples stand on), by name. One probe of
 * an index (sft_samples by database_id, tasks by database_id) per database, never a scan of items.
 */
export async function listItemDatabases(): Promise<ItemDatabase[]> {
  const rows = await prisma.$queryRaw<{ name: string; source: string }[]>`
    SELECT d.name, d.source FROM target_databases d
    WHERE EXISTS (SELECT 1 FROM sft_samples s WHERE s.database_id = d.id) OR EXISTS (SELECT 1 FROM tasks t WHERE t.database_id = d.id)
    ORDER BY d.name`;
  return rows.map((r) => ({ name: r.name, synthesized: r.source === "synthesized" }));
}
