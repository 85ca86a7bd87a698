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

type Sink = { file: ExportFile; stream: fs.WriteStream; hash: crypto.Hash; partial: string; pending: string[]; pendingChars: number };

const CHUNK_CHARS = 64 * 1024;

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

/**
 * Streams an export to `<dir>/<base>.jsonl` (or `<base>-train.jsonl` and `<base>-validation.jsonl`
 * when split): one JSON object a line, written as records are read, with backpressure, the sha256
 * computed on the way. Memory stays flat whatever the size (but for the dedup keys). The files are
 * written under temporary names; `commit` puts them in place, `discard` removes them, so a stopped
 * or failed export leaves nothing and never replaces an earlier file. `shouldStop` is asked after
 * each page.
 */
export async function writeExportFiles(
  request: ExportRequest,
  target: { dir: string; base: string },
  hooks: { onProgress: (written: number) => Promise<void>; shouldStop: () => Promise<boolean> },
): Promise<WriteOutcome & { commit: () => void; discard: () => void }> {
  fs.mkdirSync(target.dir, { recursive: true });
  const split = request.validationFraction > 0;
  const sinks = new Map<ExportSplit, Sink>();
  const sinkFor = (which: ExportSplit): Sink => {
    let sink = sinks.get(which);
    if (!sink) {
      const name = split ? `${target.base}-${which}.jsonl` : `${target.base}.jsonl`;
      const partial = path.join(target.dir, `.${name}.${process.pid}.${crypto.randomUUID()}.partial`);
      const stream = fs.createWriteStream(partial, { highWaterMark: 2 ** 20 }); // a few chunks buffered: the disk writes while the next pages are read
      stream.on("error", (error) => (streamError ??= error)); // reported below, never an uncaught exception
      sink = { file: { split: which, name, rows: 0, bytes: 0, sha256: "" }, stream, hash: crypto.createHash("sha256"), partial, pending: [], pendingChars: 0 };
      sinks.set(which, sink);
    }
    return sink;
  };
  const tally: PipelineTally = { duplicates: 0, validationDatabases: [] };
  const counts = { byOrigin: {}, byDifficulty: {}, byDatabase: {} } as WriteOutcome["counts"];
  let written = 0;
  let stopped = false;
  let streamError: Error | null = null;
  const drained = async (stream: fs.WriteStream) => {
    // both listeners go when either fires (a race of once() promises would leave one per wait)
    await new Promise<void>((resolve) => {
      const settle = () => {
        stream.off("drain", settle);
        stream.off("error", settle);
        resolve();
      };
      stream.on("drain", settle);
      stream.on("error", settle);
    });
    if (streamError) throw streamError;
  };
  // lines go out in chunks of about CHUNK_CHARS: one encoding, hash update and write a chunk, each
  // chunk small enough to die young (no large strings left for the full collector)
  const flush = async (sink: Sink) => {
    if (!sink.pending.length) return;
    const chunk = Buffer.from(`${sink.pending.join("\n")}\n`);
    sink.pending = [];
    sink.pendingChars = 0;
    sink.hash.update(chunk);
    sink.file.bytes += chunk.length;
    if (streamError) throw streamError;
    if (!sink.stream.write(chunk)) await drained(sink.stream);
  };
  sinkFor("train");
  if (split) sinkFor("validation");
  try {
    for await (const page of exportRows(request, tally)) {
      for (const { item, database, split: which, row } of page) {
        const sink = sinkFor(which);
        const line = JSON.stringify(row);
        sink.pending.push(line);
        sink.pendingChars += line.length + 1;
        sink.file.rows++;
        if (sink.pendingChars >= CHUNK_CHARS) await flush(sink);
        bump(counts.byOrigin, item.origin);
        bump(counts.byDifficulty, item.difficulty ?? "unknown");
        bump(counts.byDatabase, database);
        written++;
      }
      for (const sink of sinks.values()) await flush(sink);
      await hooks.onProgress(written);
      if (await hooks.shouldStop()) {
        stopped = true;
        break;
      }
    }
  } catch (error) {
    await closeAll(sinks);
    discardAll(sinks);
    throw error;
  }
  await closeAll(sinks);
  if (streamError) {
    discardAll(sinks);
    throw streamError;
  }
  const files = [...sinks.values()].map(({ file, hash }) => ({ ...file, sha256: hash.digest("hex") }));
  if (stopped) discardAll(sinks);
  return {
    status: stopped ? "cancelled" : "done",
    files: stopped ? [] : files,
    written,
    duplicates: tally.duplicates,
    validationDatabases: tally.validationDatabases.sort(),
    counts,
    commit: () => {
      for (const { file, partial } of sinks.values()) fs.renameSync(partial, path.join(target.dir, file.name));
    },
    discard: () => discardAll(sinks),
  };
}

async function closeAll(sinks: Map<ExportSplit, Sink>): Promise<void> {
  await Promise.all(
    [...sinks.values()].map(async ({ stream }) => {
      if (stream.closed || stream.destroyed) return;
      stream.end();
      await Promise.race([once(stream, "close"), once(stream, "error")]).catch(() => undefined);
    }),
  );
}

function discardAll(sinks: Map<ExportSplit, Sink>): void {
  for (const { partial } of sinks.values()) fs.rmSync(partial, { force: true });
}

/** The LLaMA-Factory dataset_info.json entries for the files, when the format has one. */
export function datasetInfoFor(request: ExportRequest, files: ExportFile[]): Record<string, unknown> | null {
  const format = formatOf(request.format);
  if (!format.datasetInfo) return null;
  return Object.fromEntries(files.map((f) => [f.name.replace(/\.jsonl$/, ""), format.datasetInfo!(f.name)]));
}
