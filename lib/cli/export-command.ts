import path from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/cli-output";
import { requireCliUser } from "@/lib/cli/cli-user";
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
      format: text, out: text, template: text, "sample-rows": text, "no-evidence": { type: "boolean" }, system: text,
      status: text, origin: text, job: text, database: text, difficulty: text, from: text, to: text,
      "no-dedup": { type: "boolean" }, validation: text, seed: text, force: { type: "boolean" },
    },
  });
  if (positionals.length || !values.format || !values.out) throw new UsageError("usage: sense export --format NAME --out FILE.jsonl [--template T] [--status accepted,edited] [filters] [--validation 0.1 --seed 42]");
  const number = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number`);
    return n;
  };
  migrateStore();
  const actor = await requireCliUser("export");
  const out = path.resolve(values.out);
  const done = await exportToFile(
    {
      format: values.format,
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
      validationFraction: number("validation", values.validation),
      seed: number("seed", values.seed),
    },
    out,
    { overwrite: values.force, actor },
  );
  if (done.status !== "done") {
    console.error(`sense: the export ${done.status}: ${done.error ?? ""}`);
    return 1;
  }
  const manifest = JSON.parse(done.manifestJson!) as { base: string; counts: { selected: number; written: number; duplicatesDropped: number }; files: { name: string; rows: number; sha256: string }[] };
  console.log(`Exported ${manifest.counts.written} of ${manifest.counts.selected} selected records (${manifest.counts.duplicatesDropped} duplicates dropped) as ${values.format}:`);
  for (const f of manifest.files) console.log(`  ${path.join(path.dirname(out), f.name)}  ${f.rows} rows  sha256 ${f.sha256}`);
  console.log(`  ${path.join(path.dirname(out), `${manifest.base}.manifest.json`)}`);
  return 0;
}
