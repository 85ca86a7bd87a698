import "server-only";
import { dedupedItems } from "@/lib/export/deduped-items";
import { sha256 } from "@/lib/export/example-keys";
import { formatOf, type ExportFormat, type PromptParts } from "@/lib/export/export-formats";
import type { SplitPlan } from "@/lib/export/export-plan";
import type { ExportRequest } from "@/lib/export/export-selection";
import { renderPrompt } from "@/lib/export/prompt-templates";
import type { ExportItem } from "@/lib/export/read-export-records";

export type ExportSplit = "train" | "validation";
/**
 * A record of the export; `render` makes its trainer row and `promptDigest` the digest of its
 * rendered prompt (each called at most once, as the record is written: rows of a page are not all
 * held at once).
 */
export type ExportedRow = { item: ExportItem; database: string; split: ExportSplit; render: () => unknown; promptDigest: () => Buffer };
export type PipelineTally = { duplicates: number; validationDatabases: string[] };

/**
 * The records of an export in order: selected page by page, each rendered example once (dedup
 * across the whole export, see example-keys.ts), assigned to train or validation by their
 * database's schema as the split plan chose, wrapped in the prompt template and rendered in the
 * trainer's format (with the item's id where the format takes extra keys). Used by the writer and
 * by the preview alike.
 */
export async function* exportRows(request: ExportRequest, split: SplitPlan | null, tally: PipelineTally = { duplicates: 0, validationDatabases: [] }): AsyncGenerator<ExportedRow[]> {
  const format: ExportFormat = formatOf(request.format);
  for await (const page of dedupedItems(format.kind, request, tally)) {
    const rows: ExportedRow[] = [];
    for (const { item, parts } of page) {
      const side: ExportSplit = split?.validationSchemas.has(parts.keys.schema) ? "validation" : "train"; // a schema the plan did not see (added since) trains
      if (side === "validation" && !tally.validationDatabases.includes(parts.name)) tally.validationDatabases.push(parts.name);
      let prompt: PromptParts | null = null;
      const promptOf = () => (prompt ??= renderPrompt(request, { question: item.question, evidence: item.evidence, ddl: parts.ddl, rows: parts.rows }));
      const render = () => {
        const record = format.kind === "sft" ? format.render({ ...promptOf(), sql: item.sql }) : format.render({ ...promptOf(), chosen: item.sql, rejected: item.rejected ?? "" });
        return format.extraKeys ? { id: item.id, ...(record as object) } : record; // the item the line came from
      };
      const promptDigest = () => {
        const p = promptOf();
        return sha256(`${p.system}\u0000${p.user}`);
      };
      rows.push({ item, database: parts.name, split: side, render, promptDigest });
    }
    yield rows;
  }
}
