// Which tables and columns of a schema a SQL names, so the review screen can highlight them.
import { tokenizeSql } from "@/lib/sql/sql-tokens";
import type { DatabaseSchema } from "@/lib/sql/schema-types";

const unquote = (text: string) =>
  (/^["`[]/.test(text) ? text.slice(1, -1).replace(/""/g, '"') : text).toLowerCase();

/** Table names and "table.column" keys used by any of the SQLs (case-insensitive, as SQLite is). */
export function identifiersUsed(
  schema: DatabaseSchema,
  sqls: string[],
): { tables: string[]; columns: string[] } {
  const names = new Set(
    sqls.flatMap((sql) =>
      tokenizeSql(sql)
        .filter((t) => t.kind === "word" || t.kind === "quoted")
        .map((t) => unquote(t.text)),
    ),
  );
  const tables = schema.tables.filter((t) => names.has(t.name.toLowerCase()));
  const columns = tables.flatMap((t) =>
    t.columns.filter((c) => names.has(c.name.toLowerCase())).map((c) => `${t.name}.${c.name}`),
  );
  return { tables: tables.map((t) => t.name), columns };
}
