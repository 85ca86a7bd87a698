import "server-only";
import { formatOf, type ExportFormat } from "@/lib/export/export-formats";
import type { ExportRequest } from "@/lib/export/export-selection";
import { databasePartsCache } from "@/lib/export/database-prompt-parts";
import { renderPrompt, sampleRowsOf } from "@/lib/export/prompt-templates";
import { exportDatabaseIds, readExportItems, type ExportItem } from "@/lib/export/read-export-records";
import { DigestSet } from "@/lib/export/digest-set";
import { dedupKeyMaker, validationDatabases } from "@/lib/export/split-and-dedup";

export type ExportSplit = "train" | "validation";
/** A record of the export; `render` makes its trainer row (called once, as it is written: rows of a page are not all held at once). */
export type ExportedRow = { item: ExportItem; database: string; split: ExportSplit; render: () => unknown };
export type PipelineTally = { duplicates: number; validationDatabases: string[] };

/**
 * The records of an export in order: selected page by page, deduplicated (normalized question +
 * SQL), assigned to train or validation by database, wrapped in the prompt template and rendered in
 * the trainer's format. Used by the writer and by the preview alike.
 */
export async function* exportRows(request: ExportRequest, tally: PipelineTally = { duplicates: 0, validationDatabases: [] }): AsyncGenerator<ExportedRow[]> {
  const format: ExportFormat = formatOf(request.format);
  const held = request.validationFraction > 0 ? validationDatabases(await exportDatabaseIds(format.kind, request), request.validationFraction, request.seed) : new Set<string>();
  const partsOf = databasePartsCache(sampleRowsOf(request));
  const seen = new DigestSet();
  const dedupKey = dedupKeyMaker();
  for await (const page of readExportItems(format.kind, request)) {
    const rows: ExportedRow[] = [];
    for (const item of page) {
      if (request.dedup) {
        const key = dedupKey(item.databaseId, item.question, item.sql, item.rejected); // the same question on another schema is another record
        if (!seen.add(key)) {
          tally.duplicates++;
          continue;
        }
      }
      const parts = await partsOf(item.databaseId);
      const split: ExportSplit = held.has(item.databaseId) ? "validation" : "train";
      if (split === "validation" && !tally.validationDatabases.includes(parts.name)) tally.validationDatabases.push(parts.name);
      const render = () => {
        const prompt = renderPrompt(request, { question: item.question, evidence: item.evidence, ddl: parts.ddl, rows: parts.rows });
        return format.kind === "sft" ? format.render({ ...prompt, sql: item.sql }) : format.render({ ...prompt, chosen: item.sql, rejected: item.rejected ?? "" });
      };
      rows.push({ item, database: parts.name, split, render });
    }
    yield rows;
  }
}
