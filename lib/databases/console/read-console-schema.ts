import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseStoredSchema } from "@/lib/sql/schema-types";

export const consoleSchemaQuerySchema = z.object({
  database: z.string().trim().min(1, "name a database (?database=…)"),
});

/** What the console's schema panel and completion need: tables, their columns and types. */
export type ConsoleSchema = {
  database: string;
  tables: { name: string; columns: { name: string; type: string }[] }[];
};

/** The stored (introspected) schema of one database: one row read, bounded by the caps on tables and columns. */
export async function readConsoleSchema({
  database,
}: z.infer<typeof consoleSchemaQuerySchema>): Promise<ConsoleSchema> {
  const row = await prisma.targetDatabase.findUnique({
    where: { name: database },
    select: { name: true, schemaJson: true },
  });
  if (!row) throw notFound(`No database named "${database}".`);
  const tables = parseStoredSchema(row.schemaJson)?.tables ?? [];
  return {
    database: row.name,
    tables: tables.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
    })),
  };
}
