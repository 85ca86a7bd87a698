import "server-only";
import { z } from "zod";
import { resolveServerPath } from "@/lib/databases/server-paths";
import { benchmarkFormatSchema, benchmarkSplitSchema } from "@/lib/import/benchmark-layout";
import { recordFailedImport } from "@/lib/import/import-benchmark";
import { queueImport } from "@/lib/import/queued-import";
import type { AuditActor } from "@/lib/audit/audit-events";

export const importRequestSchema = z.object({
  format: benchmarkFormatSchema,
  dir: z.string().trim().min(1, "folder is required"),
  split: benchmarkSplitSchema.default("dev"),
});

/** An import started from the dashboard: the folder must be under an allowed import root; the import runs on the job queue. */
export async function importFromServerFolder(actor: AuditActor, input: z.infer<typeof importRequestSchema>) {
  let dir: string;
  try {
    dir = resolveServerPath(input.dir);
  } catch (error) {
    await recordFailedImport({ ...input, dir: input.dir.trim(), actor }, error); // listed under Recent imports with why
    throw error;
  }
  return { importRun: await queueImport({ format: input.format, split: input.split, dir }, actor) };
}
