import "server-only";
import type Database from "better-sqlite3";
import { quoteIdentifier } from "@/lib/sql/quote-identifier";
import type { DatabaseSchema, ForeignKeyInfo, TableInfo } from "@/lib/sql/schema-types";

type ColumnRow = { name: string; type: string; notnull: number; pk: number };
type ForeignKeyRow = { id: number; seq: number; table: string; from: string; to: string | null };

/** Reads tables, columns, keys and row counts from an open SQLite database. */
export function introspectSqlite(db: Database.Database): DatabaseSchema {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const columnsByTable = new Map(names.map((name) => [name, readColumns(db, name)]));
  const tables = names.map((name): TableInfo => {
    const columns = columnsByTable.get(name) ?? [];
    const primaryKey = [...columns].filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    return {
      name,
      columns: columns.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1, primaryKey: c.pk > 0 })),
      primaryKey,
      foreignKeys: readForeignKeys(db, name, columnsByTable),
      rowCount: db.prepare(`SELECT count(*) FROM ${quoteIdentifier(name)}`).pluck().get() as number,
    };
  });
  return { source: "file", tables };
}

function readColumns(db: Database.Database, table: string): ColumnRow[] {
  return db.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`).all() as ColumnRow[];
}

function readForeignKeys(
  db: Database.Database,
  table: string,
  columnsByTable: Map<string, ColumnRow[]>,
): ForeignKeyInfo[] {
  const rows = db.prepare(`PRAGMA foreign_key_list(${quoteIdentifier(table)})`).all() as ForeignKeyRow[];
  const byId = new Map<number, ForeignKeyRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()].map((parts) => {
    const ordered = parts.sort((a, b) => a.seq - b.seq);
    const refTable = ordered[0]?.table ?? "";
    // A foreign key without explicit target columns references the target's primary key.
    const refPk = (findColumns(columnsByTable, refTable) ?? []).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return {
      columns: ordered.map((p) => p.from),
      refTable,
      refColumns: ordered.map((p, i) => p.to ?? refPk[i]?.name ?? "?"),
    };
  });
}

function findColumns(columnsByTable: Map<string, ColumnRow[]>, table: string): ColumnRow[] | undefined {
  const lower = table.toLowerCase();
  for (const [name, cols] of columnsByTable) if (name.toLowerCase() === lower) return cols;
  return undefined;
}
