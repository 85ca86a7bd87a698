import "server-only";
import fs from "node:fs";
import path from "node:path";

// The data directory holds the store (accounts, sessions, API keys of providers), the target
// databases and the exports: it is the owner's alone. Folders are 0700 and files 0600, both by a
// umask set when a process of ours starts and by the modes given where the files are made.

/** Files and folders this process makes from now on are its user's only (umask 077). */
export function keepNewFilesPrivate(): void {
  try {
    process.umask(0o077);
  } catch {
    // worker threads may not change the umask; the modes given at creation still hold
  }
}

/** chmod, quietly for a file that is not there, with a warning for one that is not ours to change. */
function restrict(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPERM")
      console.warn(
        `[store] ${file} belongs to another user; could not make it private (mode ${mode.toString(8)}).`,
      );
    else if (code !== "ENOENT") throw error;
  }
}

/**
 * Before the store is opened: the data folder (and the store's folder) exist as 0700, the store
 * file exists as 0600 — SQLite gives its WAL and shared-memory files the store file's mode — and
 * a store made by an earlier version with looser modes is tightened.
 */
export function secureStoreFiles(dataDir: string, dbFile: string): void {
  for (const dir of new Set([dataDir, path.dirname(dbFile)])) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  restrict(dataDir, 0o700);
  fs.closeSync(fs.openSync(dbFile, "a", 0o600)); // creates it empty if missing (SQLite takes an empty file as a new database)
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) restrict(file, 0o600);
}
