import "server-only";
import { invalidInput } from "@/lib/errors";
import { quoteIdentifier } from "@/lib/sql/quote-identifier";
import type { ExecPool } from "@/lib/sql/exec/exec-pool";
import type { ExecSuccess } from "@/lib/sql/exec/exec-types";
import type { ColumnInfo, DatabaseSchema, ForeignKeyInfo, TableInfo } from "@/lib/sql/schema-types";

/** What runs the introspection's queries: the SQL sandbox (child processes with a time limit). */
export type SqlRunner = Pick<ExecPool, "run">;
export type SchemaCaps = { maxTables: number; maxColumns: number };

const SCHEMA_TIMEOUT_MS = 20_000;
const COUNT_TIMEOUT_MS = 10_000;
const COUNTS_PER_QUERY = 50;
const MAX_RESULT_BYTES = 256 * 1024 * 1024;

const TABLES = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
const SHAPE = `WITH t AS (${TABLES}), w AS (SELECT name, (SELECT count(*) FROM pragma_table_xinfo(t.name)) AS n FROM t)
  SELECT (SELECT count(*) FROM t), name, n FROM w ORDER BY n DESC, name LIMIT 1`;
const COLUMNS = `SELECT t.name, c.name, c.type, c."notnull", c.pk, c.hidden FROM (${TABLES}) t JOIN pragma_table_xinfo(t.name) c ORDER BY t.name, c.cid`;
const FOREIGN_KEYS = `SELECT t.name, f.id, f.seq, f."table", f."from", f."to" FROM (${TABLES}) t JOIN pragma_foreign_key_list(t.name) f ORDER BY t.name, f.id, f.seq`;

type Column = ColumnInfo & { pkOrder: number };

/**
 * Reads tables, columns (generated and hidden ones too, marked), keys and row counts of a SQLite
 * file. Every statement runs in the SQL sandbox, so a schema that takes long to read or a table
 * that takes long to count never holds up this process. Refuses a schema past the caps with the
 * counts; a count that runs out of time is left unknown (null).
 */
export async function introspectSqlite(
  pool: SqlRunner,
  file: string,
  caps: SchemaCaps,
  label: string,
): Promise<DatabaseSchema> {
  const shape = (await run(pool, file, SHAPE, 1)).rows[0] as [number, string, number] | undefined;
  const [tableCount, widest, widestColumns] = shape ?? [0, "", 0];
  if (tableCount > caps.maxTables) {
    throw invalidInput(
      `${label} has ${tableCount} tables; at most ${caps.maxTables} can be registered (SENSE_MAX_TABLES).`,
    );
  }
  if (widestColumns > caps.maxColumns) {
    throw invalidInput(
      `${label}: table "${widest}" has ${widestColumns} columns; at most ${caps.maxColumns} a table can be registered (SENSE_MAX_COLUMNS).`,
    );
  }
  const columns = new Map<string, Column[]>();
  for (const [table, name, type, notNull, pk, hidden] of (
    await run(pool, file, COLUMNS, tableCount * widestColumns)
  ).rows as [string, string, string, number, number, number][]) {
    const column: Column = { name, type, notNull: notNull === 1, primaryKey: pk > 0, pkOrder: pk };
    if (hidden === 1) column.hidden = true;
    if (hidden === 2 || hidden === 3) column.generated = hidden === 2 ? "virtual" : "stored";
    columns.set(table, [...(columns.get(table) ?? []), column]);
  }
  const foreignKeys = readForeignKeys(
    (await run(pool, file, FOREIGN_KEYS, tableCount * widestColumns)).rows as ForeignKeyRow[],
    columns,
  );
  const names = [...columns.keys()];
  const counts = await countRows(pool, file, names);
  const tables = names.map((name): TableInfo => {
    const cols = columns.get(name) ?? [];
    return {
      name,
      columns: cols.map(({ pkOrder: _, ...column }) => column),
      primaryKey: cols
        .filter((c) => c.pkOrder > 0)
        .sort((a, b) => a.pkOrder - b.pkOrder)
        .map((c) => c.name),
      foreignKeys: foreignKeys.get(name) ?? [],
      rowCount: counts.get(name) ?? null,
    };
  });
  return { source: "file", tables };
}

async function run(pool: SqlRunner, file: string, sql: string, maxRows: number): Promise<ExecSuccess> {
  const result = await pool.run(file, sql, {
    timeoutMs: SCHEMA_TIMEOUT_MS,
    maxRows: maxRows + 1,
    maxBytes: MAX_RESULT_BYTES,
  });
  if (!result.ok) {
    throw new Error(
      result.kind === "timeout"
        ? `reading its schema took longer than ${SCHEMA_TIMEOUT_MS / 1000} s and was stopped`
        : result.message,
    );
  }
  return result;
}

/** Row counts, many tables a query; a query that fails or runs out of time leaves its tables uncounted. */
async function countRows(pool: SqlRunner, file: string, tables: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tables.length; i += COUNTS_PER_QUERY) {
    const part = tables.slice(i, i + COUNTS_PER_QUERY);
    const sql = `SELECT ${part.map((t) => `(SELECT count(*) FROM ${quoteIdentifier(t)})`).join(", ")}`;
    const result = await pool.run(file, sql, {
      timeoutMs: COUNT_TIMEOUT_MS,
      maxRows: 1,
      maxBytes: 1024 * 1024,
    });
    if (result.ok) part.forEach((t, j) => counts.set(t, Number(result.rows[0]?.[j])));
  }
  return counts;
}

type ForeignKeyRow = [
  table: string,
  id: number,
  seq: number,
  refTable: string,
  from: string,
  to: string | null,
];

function readForeignKeys(
  rows: ForeignKeyRow[],
  columns: Map<string, Column[]>,
): Map<string, ForeignKeyInfo[]> {
  const byTable = new Map<string, Map<number, ForeignKeyRow[]>>();
  for (const row of rows) {
    const keys = byTable.get(row[0]) ?? new Map<number, ForeignKeyRow[]>();
    keys.set(row[1], [...(keys.get(row[1]) ?? []), row]);
    byTable.set(row[0], keys);
  }
  const lowerNames = new Map([...columns.keys()].map((name) => [name.toLowerCase(), name]));
  return new Map(
    [...byTable].map(([table, keys]) => [
      table,
      [...keys.values()].map((parts) => {
        const refTable = parts[0]?.[3] ?? "";
        // A foreign key without explicit target columns references the target's primary key.
        const target = columns.get(lowerNames.get(refTable.toLowerCase()) ?? "") ?? [];
        const refPk = target.filter((c) => c.pkOrder > 0).sort((a, b) => a.pkOrder - b.pkOrder);
        return {
          columns: parts.map((p) => p[4]),
          refTable,
          refColumns: parts.map((p, i) => p[5] ?? refPk[i]?.name ?? "?"),
        };
      }),
    ]),
  );
}
