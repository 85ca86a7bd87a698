import { z } from "zod";

// The introspected shape of a target database, stored as JSON on TargetDatabase.schemaJson.
export const columnSchema = z.object({
  name: z.string(),
  type: z.string(),
  notNull: z.boolean(),
  primaryKey: z.boolean(),
  generated: z.enum(["virtual", "stored"]).optional(), // GENERATED ALWAYS AS (…): computed when read (virtual) or stored
  hidden: z.literal(true).optional(), // a virtual table's hidden column: not in SELECT *, selectable by name
});

export const foreignKeySchema = z.object({
  columns: z.array(z.string()),
  refTable: z.string(),
  refColumns: z.array(z.string()),
});

export const tableSchema = z.object({
  name: z.string(),
  columns: z.array(columnSchema),
  primaryKey: z.array(z.string()),
  foreignKeys: z.array(foreignKeySchema),
  rowCount: z.number().int().nullable(), // null when only a declared schema is known (file missing)
});

export const databaseSchemaSchema = z.object({
  source: z.enum(["file", "declared"]), // introspected from the file, or read from tables.json
  tables: z.array(tableSchema),
});

export type ColumnInfo = z.infer<typeof columnSchema>;
export type ForeignKeyInfo = z.infer<typeof foreignKeySchema>;
export type TableInfo = z.infer<typeof tableSchema>;
export type DatabaseSchema = z.infer<typeof databaseSchemaSchema>;

export function parseStoredSchema(json: string | null): DatabaseSchema | null {
  if (!json) return null;
  return databaseSchemaSchema.parse(JSON.parse(json));
}
