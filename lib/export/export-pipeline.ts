import "server-only";
import { dedupedItems, type ExportSide, type KeptItem } from "@/lib/export/deduped-items";
import { sha256 } from "@/lib/export/example-keys";
import { formatOf, type ExportFormat, type PromptParts } from "@/lib/export/export-formats";
import type { SplitPlan } from "@/lib/export/export-plan";
import type { ExportRequest } from "@/lib/export/export-selection";
import { renderTrainingPrompt } from "@/lib/export/prompt-templates";

export type ExportSplit = ExportSide;
/** A record of the export, its database's prompt parts, and its side. The renderer makes its line. */
export type ExportedRow = KeptItem;
export type PipelineTally = { duplicates: number; validationDatabases: string[] };

const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

/**
 * Renders rows in the request's template and format, a row at a time as it is written (rows of a
 * page are not all rendered at once). Methods on one object rather than closures per row: an
 * export makes millions of rows. The last prompt is kept, so a row whose prompt digest was taken
 * (a split) renders its prompt once.
 */
export class RowRenderer {
  private readonly format: ExportFormat;
  private last: ExportedRow | null = null;
  private lastPrompt: PromptParts | null = null;

  constructor(private readonly request: ExportRequest) {
    this.format = formatOf(request.format);
  }

  prompt(row: ExportedRow): PromptParts {
    if (row !== this.last) {
      this.last = row;
      this.lastPrompt = renderTrainingPrompt(this.request, {
        question: row.item.question,
        evidence: row.item.evidence,
        ddl: row.parts.ddl,
        rows: row.parts.rows,
      });
    }
    return this.lastPrompt!;
  }

  /** The trainer's row, without the item's id. */
  private bare(row: ExportedRow): unknown {
    const prompt = this.prompt(row);
    return this.format.kind === "sft"
      ? this.format.render({ ...prompt, sql: row.item.sql })
      : this.format.render({ ...prompt, chosen: row.item.sql, rejected: row.item.rejected ?? "" });
  }

  /** The trainer's row as an object (with the item's id where the format takes extra keys). */
  record(row: ExportedRow): unknown {
    const bare = this.bare(row);
    return this.format.extraKeys ? { id: row.item.id, ...(bare as object) } : bare;
  }

  /** The row as its line in the file: the same JSON as `record`, without building a second object. */
  line(row: ExportedRow): string {
    const json = JSON.stringify(this.bare(row));
    if (!this.format.extraKeys) return json;
    const id = PLAIN_ID.test(row.item.id) ? `"${row.item.id}"` : JSON.stringify(row.item.id);
    return `{"id":${id},${json.slice(1)}`;
  }

  /** The digest of the rendered prompt (system and user text). */
  promptDigest(row: ExportedRow): Buffer {
    const p = this.prompt(row);
    return sha256(`${p.system}\u0000${p.user}`);
  }
}

/**
 * The records of an export in order: selected page by page, each rendered example once (dedup
 * across the whole export, see example-keys.ts), assigned to train or validation by their
 * database's schema as the split plan chose. Used by the writer and by the preview alike; a
 * RowRenderer wraps each in the prompt template and the trainer's format.
 */
export async function* exportRows(
  request: ExportRequest,
  split: SplitPlan | null,
  tally: PipelineTally = { duplicates: 0, validationDatabases: [] },
): AsyncGenerator<ExportedRow[]> {
  const held = split?.validationSchemas;
  const sideOf = (parts: KeptItem["parts"]): ExportSplit => {
    if (!held?.has(parts.keys.schema)) return "train"; // a schema the plan did not see (added since) trains
    if (!tally.validationDatabases.includes(parts.name)) tally.validationDatabases.push(parts.name);
    return "validation";
  };
  yield* dedupedItems(formatOf(request.format).kind, request, tally, sideOf);
}
