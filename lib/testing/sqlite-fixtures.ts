import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Creates a SQLite file from SQL statements (for tests). */
export function writeSqlite(file: string, sql: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return file;
}

/** Writes a benchmark folder: question files and tables.json by name, plus SQLite files by db_id. */
export function writeBenchmarkFolder(
  dir: string,
  files: Record<string, unknown>,
  databases: Record<string, string> = {},
  databaseFolder = "database",
): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(
      path.join(dir, name),
      typeof content === "string" ? content : JSON.stringify(content, null, 2),
    );
  }
  for (const [dbId, sql] of Object.entries(databases))
    writeSqlite(path.join(dir, databaseFolder, dbId, `${dbId}.sqlite`), sql);
  return dir;
}
