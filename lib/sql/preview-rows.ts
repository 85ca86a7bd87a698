import "server-only";
import { openReadonly } from "@/lib/sql/open-readonly";
import { quoteIdentifier } from "@/lib/sql/quote-identifier";
import { toDisplayValue, type DisplayValue } from "@/lib/sql/display-value";

export type TablePreview = { table: string; columns: string[]; rows: DisplayValue[][] };

/** The first `limit` rows of each named table, read through a read-only connection. */
export function previewRows(file: string, tables: string[], limit = 5): TablePreview[] {
  const db = openReadonly(file);
  try {
    return tables.map((table) => {
      const stmt = db.prepare(`SELECT * FROM ${quoteIdentifier(table)} LIMIT ?`).raw(true);
      const columns = stmt.columns().map((c) => c.name);
      const rows = (stmt.all(limit) as unknown[][]).map((row) => row.map(toDisplayValue));
      return { table, columns, rows };
    });
  } finally {
    db.close();
  }
}
