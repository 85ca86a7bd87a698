import type Database from "better-sqlite3";

/**
 * Fills a table to size by cloning the rows already in it (rows the domain made, in the app's own
 * formats): `count` new rows, each a copy of one existing row, with the columns named in
 * `overrides` computed by SQL expressions of `i` (0..count-1) and `tpl` (the copied row). Ids sort
 * after the existing ones' creation order unless overridden. Triggers run as for any insert.
 */
export function cloneRows(
  db: Database.Database,
  table: string,
  count: number,
  overrides: Record<string, string> = {},
): void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );
  const templates = (
    db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE id NOT LIKE 'z%'`).get() as { n: number }
  ).n;
  if (!templates) throw new Error(`cloneRows: ${table} has no row to copy`);
  const values = columns.map(
    (c) => overrides[c] ?? (c === "id" ? `'z' || printf('%010d', i) || tpl.id` : `tpl."${c}"`),
  );
  const chunk = 50_000;
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
       WITH RECURSIVE seq(i) AS (SELECT ${start} UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ${start + n}),
       tpl AS (SELECT *, row_number() OVER (ORDER BY rowid) - 1 AS k FROM "${table}" WHERE id NOT LIKE 'z%')
       SELECT ${values.join(", ")} FROM seq JOIN tpl ON tpl.k = seq.i % ${templates}`,
    ).run();
  }
}
