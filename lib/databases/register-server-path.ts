import "server-only";
import path from "node:path";
import { z } from "zod";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { registerDatabase } from "@/lib/databases/register-database";
import type { AuditActor } from "@/lib/audit/audit-events";
import { resolveServerPath } from "@/lib/databases/server-paths";

export const serverPathInputSchema = z.object({
  path: z.string().trim().min(1, "path is required"),
  name: databaseNameSchema.optional(),
});

/** Registers a SQLite file that is already on the server, under an allowed import root. */
export async function registerDatabaseFromServerPath(
  actor: AuditActor,
  input: z.infer<typeof serverPathInputSchema>,
) {
  const file = resolveServerPath(input.path);
  const name = input.name ?? path.basename(file).replace(/\.(sqlite3?|db)$/i, "");
  return registerDatabase({ name, sourceFile: file, source: "path", actor });
}
