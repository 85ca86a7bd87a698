import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { invalidInput } from "@/lib/errors";

export const benchmarkFormatSchema = z.enum(["spider", "bird"]);
export const benchmarkSplitSchema = z.enum(["dev", "train"]);
export type BenchmarkFormat = z.infer<typeof benchmarkFormatSchema>;
export type BenchmarkSplit = z.infer<typeof benchmarkSplitSchema>;

export type BenchmarkLayout = {
  format: BenchmarkFormat;
  split: BenchmarkSplit;
  dir: string;
  recordFiles: string[]; // question files, read in order
  tablesFile: string | null; // declared schemas (tables.json), optional
  databaseFile: (dbId: string) => string;
};

/**
 * Where a benchmark folder keeps its files.
 * Spider: dev.json | train_spider.json (+ train_others.json), tables.json, database/<db>/<db>.sqlite
 * BIRD:   dev.json | train.json, dev_tables.json | train_tables.json, dev_databases/<db>/<db>.sqlite
 */
export function resolveLayout(
  format: BenchmarkFormat,
  dirInput: string,
  split: BenchmarkSplit,
): BenchmarkLayout {
  const dir = path.resolve(dirInput);
  if (!fs.existsSync(dir)) throw invalidInput(`Folder not found: ${dir}`);
  if (!fs.statSync(dir).isDirectory()) throw invalidInput(`Not a folder: ${dir}`);
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const candidates =
    format === "spider"
      ? split === "dev"
        ? ["dev.json"]
        : ["train_spider.json", "train_others.json"]
      : [split === "dev" ? "dev.json" : "train.json"];
  const recordFiles = candidates.map((f) => at(f)).filter((f) => fs.existsSync(f));
  if (recordFiles.length === 0) {
    throw invalidInput(`${format} ${split} split: ${candidates[0]} not found in ${dir}`);
  }
  const tablesName = format === "spider" ? "tables.json" : `${split}_tables.json`;
  const dbFolder = format === "spider" ? "database" : `${split}_databases`;
  return {
    format,
    split,
    dir,
    recordFiles,
    tablesFile: fs.existsSync(at(tablesName)) ? at(tablesName) : null,
    databaseFile: (dbId) => at(dbFolder, dbId, `${dbId}.sqlite`),
  };
}
