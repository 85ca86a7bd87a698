import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { findOwnerTag, isOwnerGone } from "@/lib/store/owner-process";

/** The temporary name a registration copies a database file to before linking it into place. */
export const copyTempName = (target: string, ownerTag: string, id: string) =>
  `${target}.partial-${ownerTag}-${id}`;

/** Removes the copies that registrations of killed processes left in the databases folder. */
export function removeAbandonedCopies(): number {
  if (!fs.existsSync(env.databasesDir)) return 0;
  let removed = 0;
  for (const dir of fs.readdirSync(env.databasesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const folder = path.join(env.databasesDir, dir.name);
    for (const name of fs.readdirSync(folder)) {
      if (
        !name.includes(".sqlite.partial-") ||
        !isOwnerGone(findOwnerTag(name.slice(name.indexOf(".partial-"))), { ownIsStale: true })
      )
        continue;
      fs.rmSync(path.join(folder, name), { force: true });
      removed++;
    }
  }
  return removed;
}
