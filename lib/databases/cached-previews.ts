import "server-only";
import type { SqlRunner } from "@/lib/sql/introspect-sqlite";
import { previewRows, type TablePreview } from "@/lib/sql/preview-rows";

// The first rows the schema pages show, kept per process: a registered file never changes (it is
// read-only and named by its sha256 here), so each table is read once, and a table that cannot be
// read (its rows take too long to compute) costs its time limit once, not on every view. Previews
// for pages wait in one line, so viewers hold at most one sandbox process between them and the
// console keeps the others.

const MAX_KEPT = 400; // table previews kept (each at most 64 KB of rows)
// one store per process: the server's bundles (pages, route handlers) each load this module
const shared = globalThis as unknown as {
  senseKeptPreviews?: { kept: Map<string, Promise<TablePreview>>; line: Promise<unknown> };
};
shared.senseKeptPreviews ??= { kept: new Map(), line: Promise.resolve() };
const state = shared.senseKeptPreviews;
const kept = state.kept;

const keyOf = (file: string, version: string, limit: number, table: string) =>
  `${version}\u0000${file}\u0000${limit}\u0000${table}`;
// (the sandbox failing is the engine, not the table)
const worthKeeping = (p: TablePreview) => p.errorKind !== "budget_spent" && p.errorKind !== "engine";

/** The previews of `tables` of one database file (`version`: its sha256), read at most once each. */
export async function cachedPreviews(
  pool: SqlRunner,
  file: string,
  version: string,
  tables: string[],
  limit: number,
): Promise<TablePreview[]> {
  const missing = tables.filter((t) => !kept.has(keyOf(file, version, limit, t)));
  if (missing.length) {
    const batch = state.line.then(() => previewRows(pool, file, missing, { limit }));
    state.line = batch.catch(() => undefined);
    missing.forEach((table, i) => {
      const key = keyOf(file, version, limit, table);
      const preview = batch.then((previews) => previews[i]!);
      kept.set(key, preview);
      // what was not really read (no time left, the sandbox failed) is tried again next time
      preview.then(
        (p) => worthKeeping(p) || kept.delete(key),
        () => kept.delete(key),
      );
    });
    while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return Promise.all(
    tables.map(
      (t) =>
        kept.get(keyOf(file, version, limit, t)) ??
        previewRows(pool, file, [t], { limit }).then((p) => p[0]!),
    ),
  );
}
