import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { quoteShort } from "@/lib/util/field-labels";
import { databaseFilePath } from "@/lib/databases/database-files";
import { cachedPreviews } from "@/lib/databases/cached-previews";
import { tablePages } from "@/lib/databases/table-pages";
import { execPool } from "@/lib/sql/exec/exec-pool";
import type { TablePreview } from "@/lib/sql/preview-rows";
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
  /** The strong job that synthesized it (source synthesized), with its status; null for others or when that job was deleted. */
  job: { id: string; status: string } | null;
  createdAt: string;
};

/** Every registered database with its task count, by name. */
export async function listDatabases(): Promise<DatabaseSummary[]> {
  const [rows, taskCounts] = await Promise.all([
    prisma.targetDatabase.findMany({ orderBy: { name: "asc" }, include: databaseJob }),
    taskCountsByDatabase(),
  ]);
  return rows.map((r) => toSummary(r, taskCounts.get(r.id) ?? 0));
}

const databaseJob = { job: { select: { id: true, status: true } } } as const;

type DatabaseRow = Awaited<
  ReturnType<typeof prisma.targetDatabase.findMany<{ include: typeof databaseJob }>>
>[number];

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
    job: r.job,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Which page of a database's tables to read (the schema page and GET /api/databases/<name>). */
export const databaseDetailQuerySchema = z.object({
  page: z.coerce.number().int().min(1, "page starts at 1").default(1),
});
export type DatabaseDetailQuery = z.input<typeof databaseDetailQuerySchema>;

export type DatabaseDetail = DatabaseSummary & {
  schema: DatabaseSchema | null; // the tables of this page only
  tableIndex: { name: string; page: number; columns: number }[]; // every table, in order, with the page it is on and its column count (the contents)
  tablePage: { page: number; pages: number; first: number; last: number; totalTables: number }; // first/last: positions (from 1) of this page's tables
  previews: TablePreview[];
  previewError: string | null;
};

/**
 * One database with one page of its tables (see tablePages) and the first rows of each of them,
 * read in the SQL sandbox once per table and file: what a request returns is bounded by the page,
 * whatever the size of the schema.
 */
/** Whether a database has this name (a page's title asks before the page reads it). */
export async function databaseExists(name: string): Promise<boolean> {
  return (await prisma.targetDatabase.count({ where: { name } })) > 0;
}

export async function getDatabaseDetail(
  name: string,
  query: DatabaseDetailQuery = {},
  previewLimit = 5,
): Promise<DatabaseDetail> {
  const { page: asked } = databaseDetailQuerySchema.parse(query);
  const row = await prisma.targetDatabase.findUnique({ where: { name }, include: databaseJob });
  if (!row) throw notFound(`No database named ${quoteShort(name)}.`);
  const taskCount = (await taskCountsByDatabase()).get(row.id) ?? 0;
  const schema = parseStoredSchema(row.schemaJson);
  const allTables = schema?.tables ?? [];
  const pageOf = tablePages(allTables);
  const pages = Math.max(1, pageOf.at(-1) ?? 1);
  const page = Math.min(asked, pages);
  const first = pageOf.indexOf(page);
  const tables = allTables.filter((_, i) => pageOf[i] === page);
  let previews: TablePreview[] = [];
  let previewError: string | null = null;
  if (row.fileStatus === "ok" && row.filePath && tables.length) {
    try {
      previews = await cachedPreviews(
        execPool(),
        databaseFilePath(row.filePath),
        row.fileSha256 ?? row.updatedAt.toISOString(),
        tables.map((t) => t.name),
        previewLimit,
      );
    } catch (error) {
      previewError = `Could not read rows: ${(error as Error).message}`;
    }
  }
  return {
    ...toSummary(row, taskCount),
    schema: schema ? { ...schema, tables } : null,
    tableIndex: allTables.map((t, i) => ({ name: t.name, page: pageOf[i]!, columns: t.columns.length })),
    tablePage: { page, pages, first: first + 1, last: first + tables.length, totalTables: allTables.length },
    previews,
    previewError,
  };
}
