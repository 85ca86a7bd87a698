import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { countDatabaseContents, type DatabaseContents } from "@/lib/databases/database-contents";
import { describeJobs, jobsUsingDatabase, type JobUsingDatabase } from "@/lib/databases/database-jobs";

/** Rows deleted per transaction: each batch is short, so reviews, jobs and imports write in between. */
export const DELETE_BATCH = 500;

/** The fileStatus of a database being deleted: jobs, the console and the task pages no longer use it. */
export const DELETING = "deleting";

export type DeletionPreview = { name: string; contents: DatabaseContents; blockingJobs: JobUsingDatabase[] };

async function findDatabase(name: string) {
  const db = await prisma.targetDatabase.findUnique({ where: { name } });
  if (!db) throw notFound(`No database named "${name}".`);
  return db;
}

/** What deleting a database takes with it, and the jobs that stop it (for the confirmation). */
export async function previewDatabaseDeletion(name: string): Promise<DeletionPreview> {
  const db = await findDatabase(name);
  const [contents, blockingJobs] = await Promise.all([countDatabaseContents(db.id), jobsUsingDatabase(db)]);
  return { name: db.name, contents, blockingJobs };
}

export function refuseWhileJobsUse(name: string, jobs: JobUsingDatabase[], doing: string) {
  if (!jobs.length) return;
  throw conflict(
    `${name} cannot be ${doing} while jobs use it: ${describeJobs(jobs)}. Cancel them or let them finish, then try again.`,
  );
}

/**
 * Deletes a database with its tasks, their candidates and preference pairs, and its SFT samples;
 * everything else (jobs, review history, exports, other databases) stays. Refused while an
 * unfinished job uses it. The database is first marked `deleting` (new jobs and the console skip
 * it), then swept DELETE_BATCH rows a transaction, so a store of a million items is never locked
 * for long; a sweep cut short (the process stopped) is finished by deleting again.
 */
export async function deleteDatabase(
  name: string,
  actor: AuditActor | null,
  options: { batch?: number } = {},
): Promise<{ name: string; deleted: DatabaseContents }> {
  const db = await findDatabase(name);
  refuseWhileJobsUse(db.name, await jobsUsingDatabase(db), "deleted");
  const contents = await countDatabaseContents(db.id);
  await prisma.targetDatabase.update({
    where: { id: db.id },
    data: { fileStatus: DELETING, fileError: "Being deleted." },
  });
  const batch = options.batch ?? DELETE_BATCH;
  // its SFT samples, then its tasks with their pairs and candidates, a batch per transaction
  while ((await deleteSampleBatch(db.id, batch)) > 0) await yieldToOthers();
  while ((await deleteTaskBatch(db.id, batch)) > 0) await yieldToOthers();
  await prisma.$transaction(async (tx) => {
    await tx.targetDatabase.delete({ where: { id: db.id } });
    await recordAuditEvent(
      actor,
      {
        action: "database.delete",
        targetType: "database",
        targetId: db.id,
        detail: { name: db.name, ...contents },
      },
      tx,
    );
  });
  if (db.filePath) removeDatabaseFolder(db.filePath);
  return { name: db.name, deleted: contents };
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

async function deleteSampleBatch(databaseId: string, batch: number): Promise<number> {
  return prisma.$executeRaw`DELETE FROM sft_samples WHERE id IN (SELECT id FROM sft_samples WHERE database_id = ${databaseId} LIMIT ${batch})`;
}

async function deleteTaskBatch(databaseId: string, batch: number): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const ids = (
      await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM tasks WHERE database_id = ${databaseId} ORDER BY id LIMIT ${batch}`
    ).map((r) => r.id);
    if (!ids.length) return 0;
    const list = JSON.stringify(ids);
    await tx.$executeRaw`DELETE FROM preference_pairs WHERE task_id IN (SELECT value FROM json_each(${list}))`;
    await tx.$executeRaw`DELETE FROM candidates WHERE task_id IN (SELECT value FROM json_each(${list}))`;
    await tx.$executeRaw`UPDATE sft_samples SET task_id = NULL WHERE task_id IN (SELECT value FROM json_each(${list}))`;
    return tx.$executeRaw`DELETE FROM tasks WHERE id IN (SELECT value FROM json_each(${list}))`;
  });
}

/** Removes the copied file's folder (databases/<name>/), emptied first: a sandbox process may still hold it open. */
function removeDatabaseFolder(relativePath: string): void {
  const file = path.join(env.databasesDir, relativePath);
  const folder = path.dirname(file);
  if (path.relative(env.databasesDir, folder).startsWith("..") || folder === env.databasesDir) return;
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o644);
    fs.truncateSync(file, 0);
  }
  fs.rmSync(folder, { recursive: true, force: true });
}
