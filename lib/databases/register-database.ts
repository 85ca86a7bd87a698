import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, invalidInput } from "@/lib/errors";
import { databaseNameSchema, type DatabaseSource } from "@/lib/databases/database-name";
import { introspectSqlite } from "@/lib/sql/introspect-sqlite";
import { hasSqliteHeader, openReadonly } from "@/lib/sql/open-readonly";
import type { DatabaseSchema } from "@/lib/sql/schema-types";

export type RegisterDatabaseInput = {
  name: string;
  sourceFile: string;
  source: DatabaseSource;
  label?: string; // how messages name the file (an upload's own name rather than its temp file)
};

/**
 * Copies a SQLite file into the data directory, introspects it and records it.
 * The source file is only read. A name already taken is a conflict; nothing stored changes.
 */
export async function registerDatabase(input: RegisterDatabaseInput) {
  const name = databaseNameSchema.parse(input.name);
  if (await prisma.targetDatabase.findUnique({ where: { name } })) {
    throw conflict(`A database named "${name}" is already registered.`);
  }
  return withStoredFile(name, input.sourceFile, input.label, (file) =>
    prisma.targetDatabase.create({ data: { name, source: input.source, ...file } }),
  );
}

/** Gives a database recorded without a usable file (missing/invalid) its file now. */
export async function attachDatabaseFile(id: string, name: string, sourceFile: string) {
  return withStoredFile(name, sourceFile, undefined, (file) => prisma.targetDatabase.update({ where: { id }, data: file }));
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

/** Validates and copies the file, then lets `save` record it; removes the copy if saving fails. */
async function withStoredFile<T>(
  name: string,
  sourceFile: string,
  label: string | undefined,
  save: (file: StoredFileFields) => Promise<T>,
) {
  const { schema } = inspectSqliteFile(sourceFile, label);
  const relativePath = path.join(name, `${name}.sqlite`);
  const copied = copyIntoDataDir(sourceFile, relativePath, name);
  try {
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
    fs.rmSync(path.join(env.databasesDir, relativePath), { force: true });
    if (isUniqueViolation(error)) throw conflict(`A database named "${name}" is already registered.`);
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";

/** Validates that a file is a readable SQLite database and returns its schema. */
export function inspectSqliteFile(file: string, label = path.basename(file)): { schema: DatabaseSchema } {
  if (!fs.existsSync(file)) throw invalidInput(`File not found: ${file}`);
  if (!fs.statSync(file).isFile()) throw invalidInput(`Not a file: ${file}`);
  if (!hasSqliteHeader(file)) throw invalidInput(`${label} is not a SQLite database (bad header).`);
  let db;
  try {
    db = openReadonly(file);
    return { schema: introspectSqlite(db) };
  } catch (error) {
    throw invalidInput(`${label} could not be read as SQLite: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Copies the file in under a temporary name, then links it into place: a file already there (a
 * registration racing this one, or one left by an earlier failure) is never replaced silently.
 */
function copyIntoDataDir(sourceFile: string, relativePath: string, name: string): { bytes: number; sha256: string } {
  const target = path.join(env.databasesDir, relativePath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.partial-${process.pid}-${crypto.randomUUID()}`;
  fs.copyFileSync(sourceFile, temp);
  fs.chmodSync(temp, 0o444); // target databases are never written by the app
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw conflict(`A database file for "${name}" exists already in the data directory (${target}); remove it if no registered database uses it.`);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return hashFile(target);
}

/** Size and sha256 of a file, read in chunks so large databases do not fill memory. */
function hashFile(file: string): { bytes: number; sha256: string } {
  const hash = crypto.createHash("sha256");
  const chunk = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, "r");
  let bytes = 0;
  try {
    for (let n = fs.readSync(fd, chunk); n > 0; n = fs.readSync(fd, chunk)) {
      hash.update(chunk.subarray(0, n));
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** Absolute path of a registered database's file. */
export function databaseFilePath(relativePath: string): string {
  return path.join(env.databasesDir, relativePath);
}
