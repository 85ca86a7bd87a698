import "server-only";
import { invalidInput } from "@/lib/errors";
import { dedupedItems } from "@/lib/export/deduped-items";
import type { ExportKind } from "@/lib/export/export-selection-sql";
import type { ExportRequest } from "@/lib/export/export-selection";
import { exportDatabaseIds } from "@/lib/export/read-export-records";
import { chooseValidation, SPLIT_TOLERANCE, type SchemaGroup, type SplitRows } from "@/lib/export/split-plan";

/** The split an export will write: the held-out schemas (by key) and the rows each side gets. */
export type SplitPlan = {
  requested: number;
  tolerance: number;
  seed: number;
  validationSchemas: Set<string>;
  validationDatabases: string[];
  rows: SplitRows;
  share: number;
};

/**
 * Plans the train/validation split of a request before anything is written: one pass over the
 * selection counts the rows each database keeps after dedup, databases are grouped by schema, and
 * the held-out schemas are chosen by those rows. Refuses (invalid input, in words) a selection that
 * cannot be split near the requested share. Null when no split is asked for.
 */
export async function planSplit(kind: ExportKind, request: ExportRequest): Promise<SplitPlan | null> {
  if (request.validationFraction <= 0) return null;
  const databases = await exportDatabaseIds(kind, request); // a cheap refusal before the pass
  if (databases.length < 2) {
    const has = databases.length === 0 ? "no schema (no database)" : "1 schema (1 database)";
    throw invalidInput(
      `A train/validation split keeps each schema on one side, so it needs at least two distinct schemas; this selection has ${has}.`,
    );
  }
  const bySchema = new Map<string, { names: Set<string>; rows: number }>();
  for await (const page of dedupedItems(kind, request, { duplicates: 0 })) {
    for (const { parts } of page) {
      let group = bySchema.get(parts.keys.schema);
      if (!group) bySchema.set(parts.keys.schema, (group = { names: new Set(), rows: 0 }));
      group.names.add(parts.name);
      group.rows++;
    }
  }
  const groups: SchemaGroup[] = [...bySchema].map(([key, g]) => ({
    key,
    databases: [...g.names].sort(),
    rows: g.rows,
  }));
  const outcome = chooseValidation(groups, request.validationFraction, request.seed);
  if (!outcome.ok) throw invalidInput(outcome.reason);
  const { validation, rows, share } = outcome.choice;
  return {
    requested: request.validationFraction,
    tolerance: SPLIT_TOLERANCE,
    seed: request.seed,
    validationSchemas: new Set(validation.map((g) => g.key)),
    validationDatabases: validation.flatMap((g) => g.databases).sort(),
    rows,
    share,
  };
}
