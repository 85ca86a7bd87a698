import "server-only";
import { databasePartsCache, type DatabaseParts } from "@/lib/export/database-prompt-parts";
import { DigestSet } from "@/lib/export/digest-set";
import { databaseKeys, dedupKeyMaker, type DatabaseKeys } from "@/lib/export/example-keys";
import type { ExportKind } from "@/lib/export/export-selection-sql";
import type { ExportRequest } from "@/lib/export/export-selection";
import { sampleRowsOf } from "@/lib/export/prompt-templates";
import { readExportItems, type ExportItem } from "@/lib/export/read-export-records";

export type KeyedParts = DatabaseParts & { keys: DatabaseKeys };
export type ExportSide = "train" | "validation";
/** An item kept for the export, its database's prompt parts and the side of the split it goes to. */
export type KeptItem = { item: ExportItem; parts: KeyedParts; split: ExportSide };

/** Each database's prompt parts and their keys, read once per export. */
function keyedPartsCache(sampleRows: number) {
  const partsOf = databasePartsCache(sampleRows);
  const keyed = new Map<string, KeyedParts>();
  return async (databaseId: string): Promise<KeyedParts> => {
    let known = keyed.get(databaseId);
    if (!known) {
      const parts = await partsOf(databaseId);
      known = { ...parts, keys: databaseKeys(parts) };
      keyed.set(databaseId, known);
    }
    return known;
  };
}

/**
 * The selected items page by page in id order, with their database's prompt parts and side, each rendered
 * example once (when the request asks for dedup): an item whose example came earlier in the export,
 * from this database or another of the same schema, is counted in `tally.duplicates` and left out.
 */
export async function* dedupedItems(
  kind: ExportKind,
  request: ExportRequest,
  tally: { duplicates: number },
  sideOf: (parts: KeyedParts) => ExportSide = () => "train",
): AsyncGenerator<KeptItem[]> {
  const partsOf = keyedPartsCache(sampleRowsOf(request));
  const seen = new DigestSet();
  const dedupKey = dedupKeyMaker();
  for await (const page of readExportItems(kind, request)) {
    const kept: KeptItem[] = [];
    for (const item of page) {
      const parts = await partsOf(item.databaseId);
      if (
        request.dedup &&
        !seen.add(
          dedupKey(
            parts.keys.prompt,
            item.question,
            request.includeEvidence ? item.evidence : null,
            item.sql,
            item.rejected,
          ),
        )
      ) {
        tally.duplicates++;
        continue;
      }
      kept.push({ item, parts, split: sideOf(parts) }); // one object a row: an export makes millions
    }
    yield kept;
  }
}
