import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { DATASET_INFO_FILE, datasetInfoEntries } from "@/lib/export/dataset-info";
import { formatOf } from "@/lib/export/export-formats";
import type { ExportRequest } from "@/lib/export/export-selection";
import { PROMPT_TEMPLATES, sampleRowsOf } from "@/lib/export/prompt-templates";
import { SPLIT_TOLERANCE } from "@/lib/export/split-plan";
import { traceFileName, type WriteOutcome } from "@/lib/export/write-export";
import { KIND } from "@/lib/items/item-kinds";

// The manifest of a finished export: what went in (filters, template, split), what came out (every
// file with rows, bytes and sha256, the trace file, the LLaMA-Factory entries), who and when.

let version: string | null = null;
export function appVersion(): string {
  version ??= (
    JSON.parse(
      fs.readFileSync(/*turbopackIgnore: true*/ path.join(env.projectRoot, "package.json"), "utf8"),
    ) as { version: string }
  ).version;
  return version;
}

export type ManifestInput = {
  id: string;
  base: string;
  request: ExportRequest;
  outcome: WriteOutcome;
  selected: number;
  flagged: Record<string, number>; // the selection's flagged items per flag (countFlaggedItems)
  createdBy: string | null;
};

export function manifestOf({ id, base, request, outcome, selected, flagged, createdBy }: ManifestInput) {
  const format = formatOf(request.format);
  const entries = datasetInfoEntries(
    request.format,
    outcome.files.map((f) => f.name),
  );
  return {
    id,
    name: request.name ?? null,
    base,
    format: request.format,
    formatLabel: format.label,
    trainer: format.trainer,
    kind: KIND[format.kind].manifestKind,
    template: {
      name: request.template,
      label: PROMPT_TEMPLATES[request.template].label,
      sampleRows: sampleRowsOf(request),
      includeEvidence: request.includeEvidence,
      system: request.system ?? PROMPT_TEMPLATES[request.template].system,
    },
    filters: {
      statuses: request.statuses,
      origin: request.origin ?? null,
      job: request.job ?? null,
      database: request.database ?? null,
      difficulty: request.difficulty ?? null,
      from: request.from ?? null,
      to: request.to ?? null,
      dedup: request.dedup,
      includeFlagged: request.includeFlagged,
    },
    // items the label checks flagged, per flag: left out of the files unless includeFlagged
    flagged: { included: request.includeFlagged, perFlag: flagged },
    split: {
      validationFraction: request.validationFraction,
      seed: request.seed,
      byDatabase: true,
      bySchema: true, // databases with identical schemas are on one side
      tolerance: SPLIT_TOLERANCE, // of the requested share of rows
      validationDatabases: outcome.validationDatabases,
      rows: {
        train: outcome.files.find((f) => f.split === "train")?.rows ?? 0,
        validation: outcome.files.find((f) => f.split === "validation")?.rows ?? 0,
      },
      promptsOnBothSides: outcome.promptsOnBothSides, // checked while writing: an export with any fails
    },
    counts: { selected, written: outcome.written, duplicatesDropped: outcome.duplicates, ...outcome.counts },
    files: outcome.files,
    trace: outcome.trace, // <base>.trace.jsonl: file, line, item id, its status and last review when exported
    idInLines: format.extraKeys, // each line also carries its item's id
    datasetInfo: entries,
    datasetInfoFile: entries ? DATASET_INFO_FILE : null,
    snapshot: "The files are as the store was when the export ran; later reviews do not change them.",
    createdBy,
    appVersion: appVersion(),
    finishedAt: new Date().toISOString(),
  };
}

export type ExportManifest = ReturnType<typeof manifestOf>;

/** The files an export puts in its folder, by name (its data files, trace and manifest; dataset_info.json is shared). */
export function targetNames(split: boolean, base: string): string[] {
  const data = split ? [`${base}-train.jsonl`, `${base}-validation.jsonl`] : [`${base}.jsonl`];
  return [...data, traceFileName(base), `${base}.manifest.json`];
}
