import "server-only";
import { z } from "zod";
import { resolveServerPath } from "@/lib/databases/server-paths";
import { benchmarkFormatSchema, benchmarkSplitSchema } from "@/lib/import/benchmark-layout";
import { importBenchmark, recordFailedImport } from "@/lib/import/import-benchmark";
import type { AuditActor } from "@/lib/audit/audit-events";

export const importRequestSchema = z.object({
  format: benchmarkFormatSchema,
  dir: z.string().trim().min(1, "folder is required"),
  split: benchmarkSplitSchema.default("dev"),
});

/** An import started from the dashboard: the folder must be under an allowed import root. */
export async function importFromServerFolder(actor: AuditActor, input: z.infer<typeof importRequestSchema>) {
  let dir: string;
  try {
    dir = resolveServerPath(input.dir);
  } catch (error) {
    await recordFailedImport({ ...input, dir: input.dir.trim(), actor }, error); // listed under Recent imports with why
    throw error;
  }
  return importBenchmark({ format: input.format, split: input.split, dir, actor });
}
