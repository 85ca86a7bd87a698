import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/usage-error";
import { requireCliUser } from "@/lib/cli/cli-user";
import type { ExportManifest } from "@/lib/export/export-manifest";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { exportToFile } from "@/lib/export/exports";
import { migrateStore } from "@/lib/store/prepare-store";

const text = { type: "string" } as const;

/** `sense export --format F [filters] --out FILE`: the same export as the Exports page, to a file. */
export async function runExportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      format: text,
      name: text,
      out: text,
      template: text,
      "sample-rows": text,
      "no-evidence": { type: "boolean" },
      system: text,
      status: text,
      origin: text,
      job: text,
      database: text,
      difficulty: text,
      from: text,
      to: text,
      "no-dedup": { type: "boolean" },
      "include-flagged": { type: "boolean" },
      validation: text,
      seed: text,
      force: { type: "boolean" },
    },
  });
  if (positionals.length || !values.format || !values.out)
    throw new UsageError(
      "usage: sense export --format NAME --out FILE.jsonl|FOLDER/ [--name NAME] [--template T] [--status accepted,edited] [filters] [--validation 0.1 --seed 42]",
    );
  const number = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number`);
    return n;
  };
  migrateStore();
  const actor = await requireCliUser("export");
  const out = path.resolve(values.out) + (/[\\/]$/.test(values.out) ? path.sep : ""); // a trailing slash names a folder
  const done = await exportToFile(
    // flags are untrusted text: the export's schema checks them (and names a bad one)
    exportRequestSchema.parse({
      format: values.format,
      name: values.name,
      template: values.template,
      sampleRows: number("sample-rows", values["sample-rows"]),
      includeEvidence: !values["no-evidence"],
      system: values.system,
      statuses: values.status?.split(",").map((s) => s.trim()),
      origin: values.origin,
      job: values.job,
      database: values.database,
      difficulty: values.difficulty,
      from: values.from,
      to: values.to,
      dedup: !values["no-dedup"],
      includeFlagged: Boolean(values["include-flagged"]),
      validationFraction: number("validation", values.validation),
      seed: number("seed", values.seed),
    }),
    out,
    { overwrite: values.force, actor },
  );
  if (done.status !== "done") {
    console.error(`sense: the export ${done.status}: ${done.error ?? ""}`);
    return 1;
  }
  const manifest = JSON.parse(done.manifestJson!) as ExportManifest;
  const dir = done.filePath!;
  console.log(
    `Exported ${manifest.counts.written} of ${manifest.counts.selected} selected records (${manifest.counts.duplicatesDropped} duplicates dropped) as ${values.format}:`,
  );
  for (const f of manifest.files)
    console.log(`  ${path.join(dir, f.name)}  ${f.rows} rows  sha256 ${f.sha256}`);
  if (manifest.trace)
    console.log(`  ${path.join(dir, manifest.trace.name)}  (which item each line came from)`);
  console.log(`  ${path.join(dir, `${manifest.base}.manifest.json`)}`);
  if (manifest.datasetInfoFile)
    console.log(
      `  ${path.join(dir, manifest.datasetInfoFile)}  (LLaMA-Factory: dataset_dir ${dir}, datasets ${Object.keys(manifest.datasetInfo ?? {}).join(", ")})`,
    );
  return 0;
}
