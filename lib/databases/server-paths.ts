import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { forbidden, invalidInput } from "@/lib/errors";
import { describeGivenPath, resolveGivenPath } from "@/lib/util/given-path";

const isInside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * A path on the server named from the dashboard. A relative path is taken from the project folder
 * (as the README's `sense import spider ../shared/data/spider`, run there). It must exist, lie under one of the configured
 * import roots (SENSE_IMPORT_ROOTS) and never be the app's store or its copied databases.
 * The CLI does not go through this check: whoever runs it already has the shell.
 */
export function resolveServerPath(input: string): string {
  const candidate = resolveGivenPath(input, env.projectRoot);
  // Paths named at run time: nothing for the bundler to trace.
  if (!fs.existsSync(/*turbopackIgnore: true*/ candidate)) {
    throw invalidInput(
      `Path not found on the server: ${describeGivenPath(input, candidate, `the project folder ${env.projectRoot}`)}`,
    );
  }
  const real = fs.realpathSync(/*turbopackIgnore: true*/ candidate);
  const realOrSelf = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : p);
  const storeFiles = [env.dbFile, `${env.dbFile}-wal`, `${env.dbFile}-shm`].map(realOrSelf);
  if (storeFiles.includes(real) || isInside(real, realOrSelf(env.databasesDir))) {
    throw forbidden("Sense Studio's own store and database copies cannot be imported.");
  }
  const roots = env.importRoots.filter((r) => fs.existsSync(r)).map((r) => fs.realpathSync(r));
  if (!roots.some((root) => isInside(real, root))) {
    const allowed = env.importRoots.length ? env.importRoots.join(", ") : "(none configured)";
    throw forbidden(
      `${input} is outside the folders the dashboard may read. Allowed: ${allowed}. Set SENSE_IMPORT_ROOTS to change.`,
    );
  }
  return real;
}
