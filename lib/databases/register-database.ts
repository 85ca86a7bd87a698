import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ownerProcessTag } from "@/lib/store/owner-process";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { conflict, invalidInput, isAppError } from "@/lib/errors";
import { databaseNameSchema, type DatabaseSource } from "@/lib/databases/database-name";
import { copyTempName } from "@/lib/databases/abandoned-copies";
import { copyDatabaseFile } from "@/lib/databases/copy-database-file";
import { databaseFilePath } from "@/lib/databases/database-files";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { introspectSqlite, type SqlRunner } from "@/lib/sql/introspect-sqlite";
import { hasSqliteHeader } from "@/lib/sql/open-readonly";
import type { DatabaseSchema } from "@/lib/sql/schema-types";

export type RegisterDatabaseInput = {
  name: string;
  sourceFile: string;
  source: DatabaseSource;
  label?: string; // how messages name the file (an upload's own name rather than its temp file)
  pool?: SqlRunner; // the SQL sandbox that reads the schema (the process's shared pool unless given)
  /** The person who registers it (an upload, a server path, `sense db add`): written to the audit log with it. */
  actor?: AuditActor;
  /** The strong job that synthesized it (source "synthesized"): its page links there. */
  jobId?: string;
};

/**
 * Copies a SQLite file into the data directory, introspects the copy in the SQL sandbox and records
 * it. The source file is only read, never opened by SQLite. A name already taken is a conflict; a
 * file past the schema caps (SENSE_MAX_TABLES, SENSE_MAX_COLUMNS) is refused; nothing stored changes.
 */
export async function registerDatabase(input: RegisterDatabaseInput) {
  const name = databaseNameSchema.parse(input.name);
  if (await prisma.targetDatabase.findUnique({ where: { name } })) throw await nameTaken(name);
  const { actor } = input;
  return withStoredFile(name, input.sourceFile, input.label, input.pool, (file) =>
    actor
      ? prisma.$transaction(async (tx) => {
          const db = await tx.targetDatabase.create({
            data: { name, source: input.source, jobId: input.jobId ?? null, ...file },
          });
          const action = input.source === "upload" ? "database.upload" : "database.register";
          const from =
            input.source === "upload"
              ? { file: input.label ?? path.basename(input.sourceFile) }
              : { path: input.sourceFile };
          await recordAuditEvent(
            actor,
            {
              action,
              targetType: "database",
              targetId: db.id,
              detail: {
                name,
                ...from,
                tables: file.tableCount,
                bytes: file.fileBytes,
                sha256: file.fileSha256,
              },
            },
            tx,
          );
          return db;
        })
      : prisma.targetDatabase.create({
          data: { name, source: input.source, jobId: input.jobId ?? null, ...file },
        }),
  );
}

/** Gives a database recorded without a usable file (missing/invalid) its file now. */
export async function attachDatabaseFile(id: string, name: string, sourceFile: string, pool?: SqlRunner) {
  return withStoredFile(name, sourceFile, undefined, pool, (file) =>
    prisma.targetDatabase.update({ where: { id }, data: file }),
  );
}

type StoredFileFields = {
  filePath: string;
  fileStatus: "ok";
  fileError: null;
  fileBytes: number;
  fileSha256: string;
  schemaJson: string;
  tableCount: number;
};

/**
 * Copies the file in under a temporary name and reads its schema there, then links it into place:
 * a file already there (a registration racing this one, or one left by an earlier failure) is never
 * replaced silently. Lets `save` record it; removes the copy if anything fails.
 */
async function withStoredFile<T>(
  name: string,
  sourceFile: string,
  label = path.basename(sourceFile),
  pool: SqlRunner = execPool(),
  save: (file: StoredFileFields) => Promise<T>,
) {
  checkSourceFile(sourceFile, label);
  const relativePath = path.join(name, `${name}.sqlite`);
  const target = databaseFilePath(relativePath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = copyTempName(target, ownerProcessTag(), crypto.randomUUID());
  let schema: DatabaseSchema;
  try {
    await copyDatabaseFile(sourceFile, temp, label);
    schema = await readSchema(pool, temp, label);
    fs.chmodSync(temp, 0o444); // target databases are never written by the app
    linkIntoPlace(temp, target, name);
  } catch (error) {
    discardFile(temp);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true }); // the copy lives on under its final name
  }
  try {
    const copied = await hashFile(target);
    return await save({
      filePath: relativePath,
      fileStatus: "ok",
      fileError: null,
      fileBytes: copied.bytes,
      fileSha256: copied.sha256,
      schemaJson: JSON.stringify(schema),
      tableCount: schema.tables.length,
    });
  } catch (error) {
    discardFile(target);
    if (isUniqueViolation(error)) throw await nameTaken(name);
    throw error;
  }
}

/** A name clash, in words that say what to do: pick another name (a free one is suggested). */
export async function nameTaken(name: string) {
  return conflict(
    `The name "${name}" is taken: a database is already registered under it. Choose another name, e.g. "${await freeNameLike(name)}".`,
  );
}

async function freeNameLike(name: string): Promise<string> {
  const stem = name.slice(0, 60);
  const taken = new Set(
    (
      await prisma.targetDatabase.findMany({
        where: { name: { startsWith: `${stem}_` } },
        select: { name: true },
      })
    ).map((d) => d.name),
  );
  let n = 2;
  while (taken.has(`${stem}_${n}`)) n += 1;
  return `${stem}_${n}`;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  "code" in error &&
  (error as { code: unknown }).code === "P2002";

function checkSourceFile(file: string, label: string): void {
  if (!fs.existsSync(file)) throw invalidInput(`File not found: ${file}`);
  if (!fs.statSync(file).isFile()) throw invalidInput(`Not a file: ${file}`);
  if (!hasSqliteHeader(file)) throw invalidInput(`${label} is not a SQLite database (bad header).`);
}

/** The schema of a copied file, read in the SQL sandbox; what cannot be read is named with the file. */
async function readSchema(pool: SqlRunner, file: string, label: string): Promise<DatabaseSchema> {
  try {
    return await introspectSqlite(
      pool,
      file,
      { maxTables: env.SENSE_MAX_TABLES, maxColumns: env.SENSE_MAX_COLUMNS },
      label,
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    throw invalidInput(`${label} could not be read as SQLite: ${(error as Error).message}`);
  }
}

function linkIntoPlace(temp: string, target: string, name: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw conflict(
        `A database file for "${name}" exists already in the data directory (${target}); remove it if no registered database uses it.`,
      );
    throw error;
  }
}

/**
 * Removes a copy that is not kept. It is emptied first: a sandbox process that read it may still
 * hold it open, and an open file's blocks are only freed once it is closed, or emptied.
 */
function discardFile(file: string): void {
  if (!fs.existsSync(file)) return;
  fs.chmodSync(file, 0o644);
  fs.truncateSync(file, 0);
  fs.rmSync(file, { force: true });
}

/** Size and sha256 of a file, read in chunks off the event loop so large databases neither fill memory nor stall requests. */
export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  const chunk = Buffer.alloc(1 << 20);
  const handle = await fsp.open(file, "r");
  let bytes = 0;
  try {
    for (
      let n = (await handle.read(chunk, 0, chunk.length)).bytesRead;
      n > 0;
      n = (await handle.read(chunk, 0, chunk.length)).bytesRead
    ) {
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest("hex") };
}
