// A database schema written as CREATE TABLE statements, as text-to-SQL prompts show it.
import { quoteIdentifier } from "@/lib/sql/quote-identifier";
import type { DatabaseSchema, TableInfo } from "@/lib/sql/schema-types";

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ident = (name: string) => (SIMPLE_NAME.test(name) ? name : quoteIdentifier(name));

export function tableToDdl(table: TableInfo): string {
  const singlePk = table.primaryKey.length === 1 ? table.primaryKey[0] : null;
  const lines = table.columns.map((c) => {
    const parts = [`  ${ident(c.name)}`];
    if (c.type) parts.push(c.type);
    if (c.name === singlePk) parts.push("PRIMARY KEY");
    else if (c.notNull) parts.push("NOT NULL");
    return parts.join(" ");
  });
  if (table.primaryKey.length > 1) lines.push(`  PRIMARY KEY (${table.primaryKey.map(ident).join(", ")})`);
  for (const fk of table.foreignKeys) {
    lines.push(
      `  FOREIGN KEY (${fk.columns.map(ident).join(", ")}) REFERENCES ${ident(fk.refTable)}(${fk.refColumns.map(ident).join(", ")})`,
    );
  }
  return `CREATE TABLE ${ident(table.name)} (\n${lines.join(",\n")}\n);`;
}

export function schemaToDdl(schema: DatabaseSchema): string {
  return schema.tables.map(tableToDdl).join("\n\n");
}
