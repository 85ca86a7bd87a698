import "server-only";
import fs from "node:fs";
import Database from "better-sqlite3";
import { cityLibrarySchemaSql, generateCityLibraryRows } from "@/lib/seed/city-library-data";

/** Writes the demo city_library SQLite file at `file` (replacing any file there). */
export function buildCityLibraryDatabase(file: string): void {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  try {
    db.exec(cityLibrarySchemaSql);
    const rows = generateCityLibraryRows();
    const insertAll = db.transaction(() => {
      for (const [table, tableRows] of Object.entries(rows)) {
        const width = tableRows[0]?.length ?? 0;
        const insert = db.prepare(`INSERT INTO ${table} VALUES (${Array(width).fill("?").join(", ")})`);
        for (const row of tableRows) insert.run(...row);
      }
    });
    insertAll();
  } finally {
    db.close();
  }
}
