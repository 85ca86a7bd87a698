import "server-only";
import fs from "node:fs";
import path from "node:path";
import { DigestSet } from "@/lib/export/digest-set";
import { ExportSink } from "@/lib/export/export-sink";
import { exportRows, RowRenderer, type ExportSplit, type PipelineTally } from "@/lib/export/export-pipeline";
import type { SplitPlan } from "@/lib/export/export-plan";
import type { ExportRequest } from "@/lib/export/export-selection";
import type { ExportItem } from "@/lib/export/read-export-records";

export type ExportFile = { split: ExportSplit; name: string; rows: number; bytes: number; sha256: string };
export type TraceFile = { name: string; rows: number; bytes: number; sha256: string };
export type WriteOutcome = {
  status: "done" | "cancelled";
  files: ExportFile[];
  trace: TraceFile | null;
  written: number;
  duplicates: number;
  validationDatabases: string[];
  promptsOnBothSides: number;
  counts: {
    byOrigin: Record<string, number>;
    byDifficulty: Record<string, number>;
    byDatabase: Record<string, number>;
  };
};

const PROGRESS_EVERY = 500; // rows between progress reports (and stop checks)

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/** The trace file's name beside the data files. */
export const traceFileName = (base: string) => `${base}.trace.jsonl`;

/** Lines of the trace file: which item a data line came from, and its review state when exported (JSON text made once per name). */
function traceLines() {
  const quoted = new Map<string, string>();
  const q = (text: string) => {
    let known = quoted.get(text);
    if (known === undefined) quoted.set(text, (known = JSON.stringify(text)));
    return known;
  };
  return (file: string, line: number, item: ExportItem, database: string) => {
    const reviewedAt = item.reviewedAt === null ? "null" : `"${new Date(item.reviewedAt).toISOString()}"`;
    const id = /^[A-Za-z0-9_-]+$/.test(item.id) ? `"${item.id}"` : JSON.stringify(item.id);
    return `{"file":${q(file)},"line":${line},"id":${id},"status":${q(item.status)},"reviewedAt":${reviewedAt},"database":${q(database)}}`;
  };
}

/**
 * Writes an export to `<dir>/<base>.jsonl` (or `<base>-train.jsonl` and `<base>-validation.jsonl`
 * when split), one JSON object a line, and its trace, `<base>.trace.jsonl`: a line per data line
 * naming its file, line number and item (with the item's status and last review then). Written as
 * records are read, in chunks (ExportSink), the sha256 computed on the way; memory stays flat
 * whatever the size (but for the dedup keys, and a split's prompt digests). The files are written
 * under temporary names; `commit` puts them in place read-only (a finished export is a snapshot),
 * `discard` removes them, so a stopped or failed export leaves nothing and never replaces an
 * earlier file. `shouldStop` is asked (and progress reported) every 500 rows or so.
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
  let trace: ExportSink | null = null;
  const all = () => [...sinks.values(), ...(trace ? [trace] : [])];
  const discardAll = () => {
    for (const sink of all()) sink.discard();
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
  let traceFile: TraceFile | null = null;
  // the prompts of each side, to prove no prompt is on both (the split keeps schemas apart, so none should be)
  const prompts = split ? { train: new DigestSet(), validation: new DigestSet() } : null;
  let promptsOnBothSides = 0;
  try {
    sinkFor("train");
    if (split) sinkFor("validation");
    trace = new ExportSink(target.dir, traceFileName(target.base));
    const renderer = new RowRenderer(request);
    const traceLine = traceLines();
    for await (const page of exportRows(request, plan, tally)) {
      for (const row of page) {
        const { item, split: which } = row;
        if (prompts) {
          const digest = renderer.promptDigest(row);
          if (prompts[which].add(digest) && prompts[which === "train" ? "validation" : "train"].has(digest))
            promptsOnBothSides++;
        }
        const sink = sinkFor(which);
        sink.writeLine(renderer.line(row));
        trace.writeLine(traceLine(sink.figures.name, sink.figures.rows, item, row.parts.name));
        bump(counts.byOrigin, item.origin);
        bump(counts.byDifficulty, item.difficulty ?? "unknown");
        bump(counts.byDatabase, row.parts.name);
        written++;
      }
      for (const sink of all()) sink.flush();
      await new Promise((resolve) => setImmediate(resolve)); // the store's reads and the writes are synchronous: let other work in between pages
      if (written - reported < PROGRESS_EVERY) continue;
      reported = written;
      await hooks.onProgress(written);
      if (await hooks.shouldStop()) {
        stopped = true;
        break;
      }
    }
    if (promptsOnBothSides)
      throw new Error(
        `${promptsOnBothSides} prompts are on both sides of the split; nothing was written. This is a fault of the split, please report it.`,
      );
    for (const [which, sink] of sinks) files.push({ split: which, ...sink.figures, sha256: sink.finish() });
    traceFile = { ...trace.figures, sha256: trace.finish() };
  } catch (error) {
    discardAll();
    throw error;
  }
  if (stopped) discardAll();
  return {
    status: stopped ? "cancelled" : "done",
    files: stopped ? [] : files,
    trace: stopped ? null : traceFile,
    written,
    duplicates: tally.duplicates,
    validationDatabases: tally.validationDatabases.sort(),
    promptsOnBothSides,
    counts,
    commit: () => {
      for (const sink of all()) {
        fs.chmodSync(sink.partial, 0o400); // read-only (and its owner's only): a finished export is a snapshot
        fs.renameSync(sink.partial, path.join(target.dir, sink.figures.name));
      }
    },
    discard: discardAll,
  };
}
