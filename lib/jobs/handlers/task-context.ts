import "server-only";
import { prisma } from "@/lib/db";
import { databaseFilePath } from "@/lib/databases/database-files";
import { schemaToDdl } from "@/lib/sql/schema-ddl";
import { parseStoredSchema } from "@/lib/sql/schema-types";

/** What a task's step needs of its database: its file (when it has one) and its schema as DDL. */
export type DatabaseContext = { name: string; dbFile: string | null; ddl: string | null };
export type TaskContext = {
  id: string;
  question: string;
  evidence: string | null;
  goldSql: string;
  database: DatabaseContext;
};

const CACHE_MS = 30_000;
const databases = new Map<string, { at: number; value: Promise<DatabaseContext | null> }>();

/** A database as steps use it, read and turned into DDL once per 30 s per process (not for every task on it). */
function databaseContext(id: string): Promise<DatabaseContext | null> {
  const known = databases.get(id);
  if (known && Date.now() - known.at < CACHE_MS) return known.value;
  const value = prisma.targetDatabase
    .findUnique({ where: { id }, select: { name: true, fileStatus: true, filePath: true, schemaJson: true } })
    .then((db) => {
      if (!db) return null;
      const schema = parseStoredSchema(db.schemaJson);
      return {
        name: db.name,
        dbFile: db.fileStatus === "ok" && db.filePath ? databaseFilePath(db.filePath) : null,
        ddl: schema ? schemaToDdl(schema) : null,
      };
    });
  databases.set(id, { at: Date.now(), value });
  value.catch(() => databases.delete(id));
  return value;
}

type TaskRow = { id: string; question: string; evidence: string | null; goldSql: string; databaseId: string };

type Waiting = { resolve: (row: TaskRow | undefined) => void; reject: (error: unknown) => void };

// the tasks asked for in one turn of the event loop (the runner starts a claim's items together) are read with one query
let asked: Map<string, Waiting[]> | null = null;

async function readAsked(ids: Map<string, Waiting[]>): Promise<void> {
  try {
    // raw, with one statement text for any number of ids: read for every item, and the query compiler would cost more than the read
    const rows = await prisma.$queryRaw<TaskRow[]>`
      SELECT id, question, evidence, gold_sql AS goldSql, database_id AS databaseId FROM tasks WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...ids.keys()])}))`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [id, waiting] of ids) for (const w of waiting) w.resolve(byId.get(id));
  } catch (error) {
    for (const waiting of ids.values()) for (const w of waiting) w.reject(error);
  }
}

function readTaskRow(taskId: string): Promise<TaskRow | undefined> {
  return new Promise((resolve, reject) => {
    if (!asked) {
      const batch = new Map<string, Waiting[]>();
      asked = batch;
      setImmediate(() => {
        asked = null;
        void readAsked(batch);
      });
    }
    const waiting = asked.get(taskId) ?? asked.set(taskId, []).get(taskId)!;
    waiting.push({ resolve, reject });
  });
}

/** A task with what its step needs of its database; null when the task (or its database) is gone. */
export async function readTaskContext(taskId: string): Promise<TaskContext | null> {
  const task = await readTaskRow(taskId);
  if (!task) return null;
  const database = await databaseContext(task.databaseId);
  if (!database) return null;
  const { databaseId: _, ...rest } = task;
  return { ...rest, database };
}
