import "server-only";
import { z } from "zod";
import { resolveServerPath } from "@/lib/databases/server-paths";
import { benchmarkFormatSchema, benchmarkSplitSchema } from "@/lib/import/benchmark-layout";
import { importBenchmark } from "@/lib/import/import-benchmark";
import type { AuditActor } from "@/lib/audit/audit-events";

export const importRequestSchema = z.object({
  format: benchmarkFormatSchema,
  dir: z.string().trim().min(1, "folder is required"),
  split: benchmarkSplitSchema.default("dev"),
});

/** An import started from the dashboard: the folder must be under an allowed import root. */
export async function importFromServerFolder(actor: AuditActor, input: z.infer<typeof importRequestSchema>) {
  return importBenchmark({ format: input.format, split: input.split, dir: resolveServerPath(input.dir), actor });
}
