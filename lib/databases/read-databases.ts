import "server-only";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { databaseFilePath } from "@/lib/databases/register-database";
import { previewRows, type TablePreview } from "@/lib/sql/preview-rows";
import { parseStoredSchema, type DatabaseSchema } from "@/lib/sql/schema-types";
import { taskCountsByDatabase } from "@/lib/tasks/read-tasks";

export type DatabaseSummary = {
  id: string;
  name: string;
  source: string;
  fileStatus: string;
  fileError: string | null;
  fileBytes: number | null;
  tableCount: number;
  taskCount: number;
  createdAt: string;
};

/** Every registered database with its task count, by name. */
export async function listDatabases(): Promise<DatabaseSummary[]> {
  const [rows, taskCounts] = await Promise.all([prisma.targetDatabase.findMany({ orderBy: { name: "asc" } }), taskCountsByDatabase()]);
  return rows.map((r) => toSummary(r, taskCounts.get(r.id) ?? 0));
}

type DatabaseRow = Awaited<ReturnType<typeof prisma.targetDatabase.findMany>>[number];

function toSummary(r: DatabaseRow, taskCount: number): DatabaseSummary {
  return {
    id: r.id,
    name: r.name,
    source: r.source,
    fileStatus: r.fileStatus,
    fileError: r.fileError,
    fileBytes: r.fileBytes,
    tableCount: r.tableCount,
    taskCount,
    createdAt: r.createdAt.toISOString(),
  };
}

export type DatabaseDetail = DatabaseSummary & {
  schema: DatabaseSchema | null;
  previews: TablePreview[];
  previewError: string | null;
};

/** One database with its schema and the first rows of each table (when its file is present). */
export async function getDatabaseDetail(name: string, previewLimit = 5): Promise<DatabaseDetail> {
  const row = await prisma.targetDatabase.findUnique({ where: { name } });
  if (!row) throw notFound(`No database named "${name}".`);
  const taskCount = (await taskCountsByDatabase()).get(row.id) ?? 0;
  const schema = parseStoredSchema(row.schemaJson);
  let previews: TablePreview[] = [];
  let previewError: string | null = null;
  if (row.fileStatus === "ok" && row.filePath && schema) {
    try {
      previews = previewRows(databaseFilePath(row.filePath), schema.tables.map((t) => t.name), previewLimit);
    } catch (error) {
      previewError = `Could not read rows: ${(error as Error).message}`;
    }
  }
  return {
    ...toSummary(row, taskCount),
    schema,
    previews,
    previewError,
  };
}
