import "server-only";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { jobsUsingDatabase } from "@/lib/databases/database-jobs";
import { refuseWhileJobsUse } from "@/lib/databases/delete-database";
import { nameTaken } from "@/lib/databases/register-database";

export const renameDatabaseInputSchema = z.object({ name: databaseNameSchema });

/**
 * Gives a database a new name; its file moves to databases/<new>/<new>.sqlite (linked there first,
 * so it is never missing). Tasks, samples and counters refer to it by id and stay as they are.
 * Refused while an unfinished job uses it, or when the name is taken.
 */
export async function renameDatabase(
  name: string,
  input: z.input<typeof renameDatabaseInputSchema>,
  actor: AuditActor | null,
) {
  const { name: newName } = renameDatabaseInputSchema.parse(input);
  const db = await prisma.targetDatabase.findUnique({ where: { name } });
  if (!db) throw notFound(`No database named "${name}".`);
  if (newName === db.name) return db;
  if (await prisma.targetDatabase.findUnique({ where: { name: newName } })) throw await nameTaken(newName);
  refuseWhileJobsUse(db.name, await jobsUsingDatabase(db), "renamed");
  const moved = db.filePath ? linkUnderNewName(db.filePath, newName) : null;
  try {
    const renamed = await prisma.$transaction(async (tx) => {
      const row = await tx.targetDatabase.update({
        where: { id: db.id },
        data: { name: newName, ...(moved ? { filePath: moved } : {}) },
      });
      await recordAuditEvent(
        actor,
        {
          action: "database.rename",
          targetType: "database",
          targetId: db.id,
          detail: { from: db.name, to: newName },
        },
        tx,
      );
      return row;
    });
    if (db.filePath && moved) removeOldName(db.filePath);
    return renamed;
  } catch (error) {
    if (moved) fs.rmSync(path.join(env.databasesDir, path.dirname(moved)), { recursive: true, force: true });
    if (typeof error === "object" && error && "code" in error && error.code === "P2002")
      throw await nameTaken(newName);
    throw error;
  }
}

function linkUnderNewName(relativePath: string, newName: string): string | null {
  if (!fs.existsSync(path.join(env.databasesDir, relativePath))) return null; // its file is gone already: nothing to move
  const target = path.join(newName, `${newName}.sqlite`);
  const absolute = path.join(env.databasesDir, target);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  try {
    fs.linkSync(path.join(env.databasesDir, relativePath), absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw conflict(
        `A database file for "${newName}" exists already in the data directory (${absolute}); remove it if no registered database uses it.`,
      );
    throw error;
  }
  return target;
}

function removeOldName(relativePath: string): void {
  const file = path.join(env.databasesDir, relativePath);
  fs.rmSync(file, { force: true });
  const folder = path.dirname(file);
  if (folder !== env.databasesDir && fs.existsSync(folder) && fs.readdirSync(folder).length === 0)
    fs.rmdirSync(folder);
}
