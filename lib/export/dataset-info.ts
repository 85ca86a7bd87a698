import "server-only";
import fs from "node:fs";
import path from "node:path";
import { invalidInput } from "@/lib/errors";
import { formatOf, type ExportFormatName } from "@/lib/export/export-formats";

// LLaMA-Factory reads its datasets from `dataset_info.json` in its dataset_dir (that exact name;
// `file_name` in each entry is relative to that folder). An export in a LLaMA-Factory format
// writes its entries there, one per file (train, validation), beside the files: the folder works
// as a dataset_dir as it is. Entries of other exports in the same folder are kept.

export const DATASET_INFO_FILE = "dataset_info.json";

/** The entries for an export's files, by name (the file's name without .jsonl), or null for other formats. */
export function datasetInfoEntries(
  format: ExportFormatName,
  fileNames: string[],
): Record<string, unknown> | null {
  const { datasetInfo } = formatOf(format);
  if (!datasetInfo) return null;
  return Object.fromEntries(fileNames.map((name) => [name.replace(/\.jsonl$/, ""), datasetInfo(name)]));
}

/** The dataset_info.json already in `dir` (empty when there is none); refuses one that is not a JSON object, leaving it as it is. */
export function readDatasetInfo(dir: string): Record<string, unknown> {
  const file = path.join(dir, DATASET_INFO_FILE);
  if (!fs.existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    parsed = error;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || parsed instanceof Error) {
    throw invalidInput(
      `${file} is not a JSON object${parsed instanceof Error ? ` (${parsed.message})` : ""}; an export adds its LLaMA-Factory entries to it. Move it away or export to another folder.`,
    );
  }
  return parsed as Record<string, unknown>;
}

function replaceDatasetInfo(dir: string, info: Record<string, unknown>): void {
  const file = path.join(dir, DATASET_INFO_FILE);
  if (!Object.keys(info).length) return fs.rmSync(file, { force: true });
  const temporary = path.join(dir, `.${DATASET_INFO_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** Adds (or replaces) entries in `dir`'s dataset_info.json, written whole under a temporary name first. */
export function addDatasetInfoEntries(dir: string, entries: Record<string, unknown>): void {
  replaceDatasetInfo(dir, { ...readDatasetInfo(dir), ...entries });
}

/** Takes entries out again (an export that failed or was cancelled after adding them). */
export function dropDatasetInfoEntries(dir: string, names: string[]): void {
  const info = readDatasetInfo(dir);
  for (const name of names) delete info[name];
  replaceDatasetInfo(dir, info);
}
