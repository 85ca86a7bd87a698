import path from "node:path";
import { UsageError } from "@/lib/cli/usage-error";
import { listDatabases } from "@/lib/databases/read-databases";
import { registerDatabase } from "@/lib/databases/register-database";
import { benchmarkFormatSchema, benchmarkSplitSchema } from "@/lib/import/benchmark-layout";
import { importBenchmark, type ImportReport } from "@/lib/import/import-benchmark";
import { seedDemo } from "@/lib/seed/seed-demo";
import { migrateStore, seedDemoIntoEmptyStore } from "@/lib/store/prepare-store";
import { requireCliUser } from "@/lib/cli/cli-user";
import { resolveGivenPath } from "@/lib/util/given-path";

export async function runImportCommand(
  args: string[],
  options: { split?: string; json: boolean },
): Promise<number> {
  const [format, dir, ...extra] = args;
  if (!format || !dir || extra.length)
    throw new UsageError("usage: sense import spider|bird <dir> [--split dev|train]");
  const parsedFormat = benchmarkFormatSchema.safeParse(format);
  if (!parsedFormat.success) throw new UsageError(`unknown format "${format}" (expected spider or bird)`);
  const split = benchmarkSplitSchema.safeParse(options.split ?? "dev");
  if (!split.success) throw new UsageError(`unknown split "${options.split}" (expected dev or train)`);
  migrateStore();
  const actor = await requireCliUser("databases.manage");
  const report = await importBenchmark({
    format: parsedFormat.data,
    dir: resolveGivenPath(dir, process.cwd()),
    split: split.data,
    actor,
  });
  console.log(options.json ? JSON.stringify(report, null, 2) : describeImport(report));
  return 0;
}

function describeImport(r: ImportReport): string {
  const added = r.databases.filter((d) => d.status === "added").length;
  const lines = [
    `Imported ${r.format} ${r.split} from ${r.dir} in ${(r.elapsedMs / 1000).toFixed(2)} s`,
    `  records read:   ${r.recordsRead}`,
    `  tasks added:    ${r.tasksAdded}`,
    `  tasks skipped:  ${r.tasksSkipped} (already imported)`,
    `  databases:      ${r.databases.length} (${added} added, ${r.databases.length - added - r.databasesMissing.length} already present, ${r.databasesMissing.length} without a usable file)`,
  ];
  for (const d of r.databases.filter((o) => o.status === "missing" || o.status === "invalid")) {
    lines.push(`  ! ${d.name}: ${d.status} — ${d.message ?? ""}`);
  }
  if (r.tasksWithoutFile)
    lines.push(`  ${r.tasksWithoutFile} tasks belong to databases without a file and cannot be executed.`);
  return lines.join("\n");
}

export async function runDbCommand(args: string[], options: { name?: string }): Promise<number> {
  const [sub, file, ...extra] = args;
  migrateStore();
  const actor = await requireCliUser(sub === "list" ? "data.read" : "databases.manage");
  if (sub === "list" && !file) {
    const rows = await listDatabases();
    for (const d of rows)
      console.log(
        `${d.name.padEnd(32)} ${d.fileStatus.padEnd(8)} ${String(d.tableCount).padStart(3)} tables ${String(d.taskCount).padStart(6)} tasks  ${d.source}`,
      );
    if (!rows.length) console.log("No databases registered.");
    return 0;
  }
  if (sub === "add" && file && !extra.length) {
    const name = options.name ?? path.basename(file).replace(/\.(sqlite3?|db)$/i, "");
    const db = await registerDatabase({
      name,
      sourceFile: resolveGivenPath(file, process.cwd()),
      source: "path",
      actor,
    });
    console.log(`Registered ${db.name}: ${db.tableCount} tables.`);
    return 0;
  }
  throw new UsageError("usage: sense db add <file.sqlite> [--name NAME] | sense db list");
}

export async function runMigrateCommand(): Promise<number> {
  const { applied } = migrateStore();
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
      : "The store is up to date.",
  );
  return 0;
}

export async function runSeedCommand(options: { ifEmpty: boolean }): Promise<number> {
  migrateStore();
  if (options.ifEmpty) {
    // what the app's start does (npm start runs this step itself, to say what it is doing)
    console.log(
      (await seedDemoIntoEmptyStore())
        ? "Demo data: the store was empty; added city_library and its tasks."
        : "Demo data: not needed (the store holds data, or SENSE_SEED_DEMO=0).",
    );
    return 0;
  }
  const { databaseAdded, tasksAdded } = await seedDemo();
  console.log(
    `Demo data: ${databaseAdded ? "database added" : "database present"}, ${tasksAdded} tasks added.`,
  );
  return 0;
}
