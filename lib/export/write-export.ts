import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ExportSink } from "@/lib/export/export-sink";
import { formatOf } from "@/lib/export/export-formats";
import { DigestSet } from "@/lib/export/digest-set";
import { exportRows, type ExportSplit, type PipelineTally } from "@/lib/export/export-pipeline";
import type { SplitPlan } from "@/lib/export/export-plan";
import type { ExportRequest } from "@/lib/export/export-selection";

export type ExportFile = { split: ExportSplit; name: string; rows: number; bytes: number; sha256: string };
export type WriteOutcome = {
  status: "done" | "cancelled";
  files: ExportFile[];
  written: number;
  duplicates: number;
  validationDatabases: string[];
  promptsOnBothSides: number;
  counts: { byOrigin: Record<string, number>; byDifficulty: Record<string, number>; byDatabase: Record<string, number> };
};

const PROGRESS_EVERY = 500; // rows between progress reports (and stop checks)

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/**
 * Writes an export to `<dir>/<base>.jsonl` (or `<base>-train.jsonl` and `<base>-validation.jsonl`
 * when split): one JSON object a line, written as records are read, in chunks (ExportSink), the
 * sha256 computed on the way. Memory stays flat whatever the size (but for the dedup keys). The
 * files are written under temporary names; `commit` puts them in place, `discard` removes them, so
 * a stopped or failed export leaves nothing and never replaces an earlier file. `shouldStop` is
 * asked (and progress reported) every 500 rows or so.
 */
export async function writeExportFiles(
  request: ExportRequest,
  plan: SplitPlan | null,
  target: { dir: string; base: string },
  hooks: { onProgress: (written: number) => Promise<void>; shouldStop: () => Promise<boolean> },
): Promise<WriteOutcome & { commit: () => void; discard: () => void }> {
  fs.mkdirSync(target.dir, { recursive: true });
  const split = plan !== null;
  const sinks = new Map<ExportSplit, ExportSink>();
  const discardAll = () => {
    for (const sink of sinks.values()) sink.discard();
  };
  const sinkFor = (which: ExportSplit): ExportSink => {
    let sink = sinks.get(which);
    if (!sink) {
      sink = new ExportSink(target.dir, split ? `${target.base}-${which}.jsonl` : `${target.base}.jsonl`);
      sinks.set(which, sink);
    }
    return sink;
  };
  const tally: PipelineTally = { duplicates: 0, validationDatabases: [] };
  const counts = { byOrigin: {}, byDifficulty: {}, byDatabase: {} } as WriteOutcome["counts"];
  let written = 0;
  let reported = 0;
  let stopped = false;
  const files: ExportFile[] = [];
  // the prompts of each side, to prove no prompt is on both (the split keeps schemas apart, so none should be)
  const prompts = split ? { train: new DigestSet(), validation: new DigestSet() } : null;
  let promptsOnBothSides = 0;
  try {
    sinkFor("train");
    if (split) sinkFor("validation");
    for await (const page of exportRows(request, plan, tally)) {
      for (const { item, database, split: which, render, promptDigest } of page) {
        if (prompts) {
          const digest = promptDigest();
          if (prompts[which].add(digest) && prompts[which === "train" ? "validation" : "train"].has(digest)) promptsOnBothSides++;
        }
        sinkFor(which).writeLine(JSON.stringify(render()));
        bump(counts.byOrigin, item.origin);
        bump(counts.byDifficulty, item.difficulty ?? "unknown");
        bump(counts.byDatabase, database);
        written++;
      }
      for (const sink of sinks.values()) sink.flush();
      await new Promise((resolve) => setImmediate(resolve)); // the store's reads and the writes are synchronous: let other work in between pages
      if (written - reported < PROGRESS_EVERY) continue;
      reported = written;
      await hooks.onProgress(written);
      if (await hooks.shouldStop()) {
        stopped = true;
        break;
      }
    }
    if (promptsOnBothSides) throw new Error(`${promptsOnBothSides} prompts are on both sides of the split; nothing was written. This is a fault of the split, please report it.`);
    for (const [which, sink] of sinks) files.push({ split: which, ...sink.figures, sha256: sink.finish() });
  } catch (error) {
    discardAll();
    throw error;
  }
  if (stopped) discardAll();
  return {
    status: stopped ? "cancelled" : "done",
    files: stopped ? [] : files,
    written,
    duplicates: tally.duplicates,
    validationDatabases: tally.validationDatabases.sort(),
    promptsOnBothSides,
    counts,
    commit: () => {
      for (const sink of sinks.values()) fs.renameSync(sink.partial, path.join(target.dir, sink.figures.name));
    },
    discard: discardAll,
  };
}

/** The LLaMA-Factory dataset_info.json entries for the files, when the format has one. */
export function datasetInfoFor(request: ExportRequest, files: ExportFile[]): Record<string, unknown> | null {
  const format = formatOf(request.format);
  if (!format.datasetInfo) return null;
  return Object.fromEntries(files.map((f) => [f.name.replace(/\.jsonl$/, ""), format.datasetInfo!(f.name)]));
}
