import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { formatOf } from "@/lib/export/export-formats";
import { exportRows, type ExportSplit, type PipelineTally } from "@/lib/export/export-pipeline";
import type { ExportRequest } from "@/lib/export/export-selection";

export type ExportFile = { split: ExportSplit; name: string; rows: number; bytes: number; sha256: string };
export type WriteOutcome = {
  status: "done" | "cancelled";
  files: ExportFile[];
  written: number;
  duplicates: number;
  validationDatabases: string[];
  counts: { byOrigin: Record<string, number>; byDifficulty: Record<string, number>; byDatabase: Record<string, number> };
};

type Sink = { file: ExportFile; stream: fs.WriteStream; hash: crypto.Hash };

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/**
 * Streams an export to `<dir>/<base>.jsonl` (or `<base>-train.jsonl` and `<base>-validation.jsonl`
 * when split): one JSON object a line, written as records are read, with backpressure, the sha256
 * computed on the way. Memory stays flat whatever the size. `shouldStop` is asked after each page;
 * a stopped export leaves no files.
 */
export async function writeExportFiles(request: ExportRequest, target: { dir: string; base: string }, hooks: { onProgress: (written: number) => Promise<void>; shouldStop: () => Promise<boolean> }): Promise<WriteOutcome> {
  fs.mkdirSync(target.dir, { recursive: true });
  const split = request.validationFraction > 0;
  const sinks = new Map<ExportSplit, Sink>();
  const sinkFor = (which: ExportSplit): Sink => {
    let sink = sinks.get(which);
    if (!sink) {
      const name = split ? `${target.base}-${which}.jsonl` : `${target.base}.jsonl`;
      sink = { file: { split: which, name, rows: 0, bytes: 0, sha256: "" }, stream: fs.createWriteStream(path.join(target.dir, name)), hash: crypto.createHash("sha256") };
      sinks.set(which, sink);
    }
    return sink;
  };
  const tally: PipelineTally = { duplicates: 0, validationDatabases: [] };
  const counts = { byOrigin: {}, byDifficulty: {}, byDatabase: {} } as WriteOutcome["counts"];
  let written = 0;
  let stopped = false;
  sinkFor("train");
  if (split) sinkFor("validation");
  try {
    for await (const page of exportRows(request, tally)) {
      for (const { item, database, split: which, row } of page) {
        const sink = sinkFor(which);
        const line = `${JSON.stringify(row)}\n`;
        sink.hash.update(line);
        sink.file.rows++;
        sink.file.bytes += Buffer.byteLength(line);
        if (!sink.stream.write(line)) await once(sink.stream, "drain");
        bump(counts.byOrigin, item.origin);
        bump(counts.byDifficulty, item.difficulty ?? "unknown");
        bump(counts.byDatabase, database);
        written++;
      }
      await hooks.onProgress(written);
      if (await hooks.shouldStop()) {
        stopped = true;
        break;
      }
    }
  } finally {
    await Promise.all([...sinks.values()].map(async ({ stream }) => {
      stream.end();
      await once(stream, "close");
    }));
  }
  const files = [...sinks.values()].map(({ file, hash }) => ({ ...file, sha256: hash.digest("hex") }));
  if (stopped) for (const f of files) fs.rmSync(path.join(target.dir, f.name), { force: true });
  return { status: stopped ? "cancelled" : "done", files: stopped ? [] : files, written, duplicates: tally.duplicates, validationDatabases: tally.validationDatabases.sort(), counts };
}

/** The LLaMA-Factory dataset_info.json entries for the files, when the format has one. */
export function datasetInfoFor(request: ExportRequest, files: ExportFile[]): Record<string, unknown> | null {
  const format = formatOf(request.format);
  if (!format.datasetInfo) return null;
  return Object.fromEntries(files.map((f) => [f.name.replace(/\.jsonl$/, ""), format.datasetInfo!(f.name)]));
}
