import "server-only";
import { removeAbandonedUploads } from "@/lib/databases/register-upload";
import { failInterruptedExports } from "@/lib/export/interrupted-exports";
import { failInterruptedImports } from "@/lib/import/interrupted-imports";

export type CleanUpReport = { importsFailed: number; exportsFailed: number; uploadsRemoved: number };

/**
 * Runs once when the app starts, before it begins any work of its own: what killed processes left
 * (`kill -9`, a crash, a machine restart) is cleaned up, and work of processes that still run is
 * left alone (lib/store/owner-process.ts tells them apart).
 */
export async function cleanUpAfterCrashes(): Promise<CleanUpReport> {
  const importsFailed = await failInterruptedImports();
  const exportsFailed = await failInterruptedExports();
  const uploadsRemoved = removeAbandonedUploads();
  // ---- more clean-ups of what a killed process leaves are called here, e.g. the strong job's
  // ---- temporary build folders (owned by lib/synthesis / lib/jobs): one line each.
  return { importsFailed, exportsFailed, uploadsRemoved };
}
