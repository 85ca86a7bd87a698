import "server-only";
import { removeAbandonedCopies } from "@/lib/databases/abandoned-copies";
import { removeAbandonedUploads } from "@/lib/databases/register-upload";
import { failInterruptedExports } from "@/lib/export/interrupted-exports";
import { failInterruptedImports } from "@/lib/import/interrupted-imports";
import { cleanBuildLeftovers } from "@/lib/synthesis/strong/build-folders";

export type CleanUpReport = {
  importsFailed: number;
  exportsFailed: number;
  uploadsRemoved: number;
  buildFoldersRemoved: number;
};

/**
 * Runs once when the app starts, before it begins any work of its own: what killed processes left
 * (`kill -9`, a crash, a machine restart) is cleaned up, and work of processes that still run is
 * left alone (lib/store/owner-process.ts tells them apart).
 */
export async function cleanUpAfterCrashes(): Promise<CleanUpReport> {
  const importsFailed = await failInterruptedImports();
  const exportsFailed = await failInterruptedExports();
  const uploadsRemoved = removeAbandonedUploads() + removeAbandonedCopies(); // upload files and registration copies
  const buildFoldersRemoved = cleanBuildLeftovers().length; // the strong job's temporary build folders
  return { importsFailed, exportsFailed, uploadsRemoved, buildFoldersRemoved };
}
