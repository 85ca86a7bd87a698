import "server-only";
import path from "node:path";
import { z } from "zod";
import { ImportError } from "@/lib/import/import-error";
import { readJsonFile } from "@/lib/import/read-json-file";
import type { DatabaseSchema, TableInfo } from "@/lib/sql/schema-types";

// tables.json as Spider and BIRD publish it: columns are [tableIndex, name] with -1 for "*".
const declaredSchema = z.object({
  db_id: z.string().min(1),
  table_names_original: z.array(z.string()),
  column_names_original: z.array(z.tuple([z.number().int(), z.string()])),
  column_types: z.array(z.string()),
  primary_keys: z.array(z.union([z.number().int(), z.array(z.number().int())])),
  foreign_keys: z.array(z.tuple([z.number().int(), z.number().int()])),
});
type Declared = z.infer<typeof declaredSchema>;

/** Reads tables.json into schemas by db_id, used when a database file is missing. */
export function readDeclaredSchemas(file: string): Map<string, DatabaseSchema> {
  const name = path.basename(file);
  const data = readJsonFile(file);
  if (!Array.isArray(data)) throw new ImportError(`${name}: expected a JSON array of schemas`, { file });
  const result = new Map<string, DatabaseSchema>();
  data.forEach((raw, index) => {
    const parsed = declaredSchema.safeParse(raw);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join(".") || "(record)";
      throw new ImportError(
        `${name}: record ${index}: field "${field}": ${parsed.error.issues[0]?.message}`,
        {
          file,
          index,
          field,
        },
      );
    }
    result.set(parsed.data.db_id, toDatabaseSchema(parsed.data));
  });
  return result;
}

function toDatabaseSchema(d: Declared): DatabaseSchema {
  const pkColumns = new Set(d.primary_keys.flatMap((k) => (Array.isArray(k) ? k : [k])));
  const columnAt = (i: number) => d.column_names_original[i];
  const tables = d.table_names_original.map((tableName, tableIndex): TableInfo => {
    const columns = d.column_names_original
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c[0] === tableIndex)
      .map(({ c, i }) => ({
        name: c[1],
        type: d.column_types[i] ?? "",
        notNull: false,
        primaryKey: pkColumns.has(i),
      }));
    const foreignKeys = d.foreign_keys
      .filter(([from]) => columnAt(from)?.[0] === tableIndex)
      .map(([from, to]) => ({
        columns: [columnAt(from)?.[1] ?? "?"],
        refTable: d.table_names_original[columnAt(to)?.[0] ?? -1] ?? "?",
        refColumns: [columnAt(to)?.[1] ?? "?"],
      }));
    return {
      name: tableName,
      columns,
      primaryKey: columns.filter((c) => c.primaryKey).map((c) => c.name),
      foreignKeys,
      rowCount: null,
    };
  });
  return { source: "declared", tables };
}
