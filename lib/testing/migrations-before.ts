import fs from "node:fs";
import path from "node:path";

/** The project's migrations folder. */
export const projectMigrationsDir = path.resolve(__dirname, "..", "..", "prisma", "migrations");

/**
 * A copy, in a new folder under `root`, of the project's migrations made before `migration`: a
 * store migrated from it is as a store was just before that migration, for a test to fill and then
 * migrate the rest of the way. `from` is the migrations folder (a script run as an ES module, where
 * `__dirname` is not this file's folder, passes its own).
 */
export function migrationsBefore(
  root: string,
  migration: string,
  from: string = projectMigrationsDir,
): string {
  const dir = fs.mkdtempSync(path.join(root, "before-"));
  for (const name of fs.readdirSync(from)) {
    if (name >= migration && name !== "migration_lock.toml") continue;
    fs.cpSync(path.join(from, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
