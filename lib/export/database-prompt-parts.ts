import "server-only";
import { prisma } from "@/lib/db";
import { databaseFilePath } from "@/lib/databases/database-files";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { previewRows, previewsText } from "@/lib/sql/preview-rows";
import { schemaToDdl } from "@/lib/sql/schema-ddl";
import { parseStoredSchema } from "@/lib/sql/schema-types";

export type DatabaseParts = { name: string; ddl: string; rows: string };

/** Schema text (and sample rows) per database, read once per export: its size follows the databases, not the records. */
export function databasePartsCache(sampleRows: number) {
  const cache = new Map<string, DatabaseParts>();
  return async (databaseId: string): Promise<DatabaseParts> => {
    const known = cache.get(databaseId);
    if (known) return known;
    const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { id: databaseId } });
    const schema = parseStoredSchema(db.schemaJson);
    let rows = "";
    if (sampleRows > 0 && schema && db.filePath) {
      // read in the sandbox once per database and export; a table whose rows cannot be read is left out
      rows = previewsText(
        await previewRows(
          execPool(),
          databaseFilePath(db.filePath),
          schema.tables.map((t) => t.name),
          { limit: sampleRows, budgetMs: 10_000 },
        ),
      );
    }
    const parts = { name: db.name, ddl: schema ? schemaToDdl(schema) : "", rows };
    cache.set(databaseId, parts);
    return parts;
  };
}
