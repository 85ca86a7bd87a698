import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { attachDatabaseFile, hashFile, registerDatabase } from "@/lib/databases/register-database";
import type { BenchmarkLayout } from "@/lib/import/benchmark-layout";
import type { DatabaseSchema } from "@/lib/sql/schema-types";

export type DatabaseOutcome = {
  name: string;
  status: "added" | "existing" | "missing" | "invalid";
  message?: string;
};

/**
 * Makes sure each db_id has a TargetDatabase: registers present files, records missing or
 * unreadable ones (with the declared schema when tables.json has it). Never fatal. A same-named
 * database takes the benchmark's gold SQL only when it holds the benchmark's own file (same
 * sha256); one registered from another file (an upload of another schema, say) is left alone and
 * the import registers its own copy beside it.
 */
export async function importDatabases(
  layout: BenchmarkLayout,
  dbIds: string[],
  declared: Map<string, DatabaseSchema>,
): Promise<{ ids: Map<string, string>; outcomes: DatabaseOutcome[] }> {
  const ids = new Map<string, string>();
  const outcomes: DatabaseOutcome[] = [];
  const existing = await prisma.targetDatabase.findMany({ where: { name: { in: dbIds } } });
  const byName = new Map(existing.map((d) => [d.name, d]));
  for (const name of dbIds) {
    const found = byName.get(name);
    const file = layout.databaseFile(name);
    const fileNowPresent = found !== undefined && found.fileStatus !== "ok" && fs.existsSync(file);
    const other = found && found.fileStatus === "ok" ? await otherFileThan(found, file) : null;
    if (other) {
      const own = await importOwnCopy(layout, name, file, other.sha256);
      ids.set(name, own.id);
      outcomes.push(own.outcome);
      continue;
    }
    if (found && !fileNowPresent) {
      ids.set(name, found.id);
      const status = found.fileStatus === "ok" ? "existing" : (found.fileStatus as "missing" | "invalid");
      outcomes.push({ name, status, message: found.fileError ?? undefined });
      continue;
    }
    const outcome = await importOneDatabase(layout, name, file, declared.get(name) ?? null, found?.id);
    ids.set(name, outcome.id);
    outcomes.push(outcome.outcome);
  }
  return { ids, outcomes };
}

/** The benchmark file's sha256 when it is not the file `found` was registered from (null when it is, or when the benchmark has no file for it). */
async function otherFileThan(
  found: { fileSha256: string | null },
  file: string,
): Promise<{ sha256: string } | null> {
  if (!fs.existsSync(file)) return null;
  const { sha256 } = await hashFile(file); // read once: importOwnCopy finds an earlier copy by it
  return sha256 === found.fileSha256 ? null : { sha256 };
}

/**
 * The benchmark's copy of `name` when a database of that name holds another file: under
 * `<name>_<format>` (then `_2`, …), found again by its sha256 on a later import.
 */
async function importOwnCopy(
  layout: BenchmarkLayout,
  name: string,
  file: string,
  sha256: string,
): Promise<{ id: string; outcome: DatabaseOutcome }> {
  for (let n = 1; ; n++) {
    const candidate = `${name}_${layout.format}${n === 1 ? "" : `_${n}`}`;
    const row = await prisma.targetDatabase.findUnique({ where: { name: candidate } });
    if (row?.fileSha256 === sha256) return { id: row.id, outcome: { name: candidate, status: "existing" } };
    if (row) continue;
    const { id, outcome } = await importOneDatabase(layout, candidate, file, null, undefined);
    const message = `a database named "${name}" is already registered from another file; this import's own copy is registered as "${candidate}"`;
    return { id, outcome: outcome.status === "added" ? { ...outcome, message } : outcome };
  }
}

async function importOneDatabase(
  layout: BenchmarkLayout,
  name: string,
  file: string,
  declared: DatabaseSchema | null,
  previousId: string | undefined,
): Promise<{ id: string; outcome: DatabaseOutcome }> {
  const shown = path.relative(layout.dir, file);
  if (fs.existsSync(file)) {
    try {
      const db = previousId
        ? await attachDatabaseFile(previousId, name, file)
        : await registerDatabase({ name, sourceFile: file, source: layout.format });
      return { id: db.id, outcome: { name, status: "added" } };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return recordUnavailable(layout, name, "invalid", `${shown}: ${error.message}`, declared, previousId);
    }
  }
  return recordUnavailable(layout, name, "missing", `${shown} not found`, declared, previousId);
}

async function recordUnavailable(
  layout: BenchmarkLayout,
  name: string,
  status: "missing" | "invalid",
  message: string,
  declared: DatabaseSchema | null,
  previousId: string | undefined,
): Promise<{ id: string; outcome: DatabaseOutcome }> {
  const outcome: DatabaseOutcome = { name, status, message };
  if (previousId) return { id: previousId, outcome }; // still unavailable: keep the row as it is
  const row = await prisma.targetDatabase.create({
    data: {
      name,
      source: layout.format,
      fileStatus: status,
      fileError: message,
      schemaJson: declared ? JSON.stringify(declared) : null,
      tableCount: declared?.tables.length ?? 0,
    },
  });
  return { id: row.id, outcome };
}
