"use client";

import type { ExportPreview } from "@/components/exports/export-queries";
import { KIND } from "@/lib/items/item-kinds";

const percent = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** What an export would write: how many items are selected, the rows of each side of a split, the first records. */
export function ExportPreviewView({ preview }: { preview: ExportPreview }) {
  const split = preview.split;
  return (
    <section aria-label="Preview" className="mt-3">
      <p className="text-sm text-slate-600" data-testid="preview-selected">
        {preview.selected} {KIND[preview.kind].short} selected (before dedup); the first records:
      </p>
      {split ? (
        <p className="text-sm text-slate-600" data-testid="preview-split">
          After dedup: <span data-testid="preview-train-rows">{split.rows.train}</span> rows to train and{" "}
          <span data-testid="preview-validation-rows">{split.rows.validation}</span> to validation (
          {percent(split.share)} held out of the {percent(split.requested)} asked; databases held out:{" "}
          {split.validationDatabases.join(", ")}).
        </p>
      ) : null}
      {preview.rows.map((r, i) => (
        <pre
          key={i}
          className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-900 p-3 text-xs text-slate-100"
        >
          {r.split !== "train" ? `// ${r.split}\n` : ""}
          {JSON.stringify(r.record, null, 2)}
        </pre>
      ))}
    </section>
  );
}
