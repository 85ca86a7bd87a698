import "server-only";
import type { RunGuard } from "@/lib/export/run-export";
import { runQueuedImport } from "@/lib/import/queued-import";
import type { ItemOutcome } from "@/lib/jobs/item-outcome";

/** A dashboard import, run by the job runner; the item's outcome writes nothing (the import's run holds its result). */
export async function processImportItem(
  payload: { importRunId: string },
  guard: RunGuard,
): Promise<ItemOutcome> {
  const ended = await runQueuedImport(payload.importRunId, guard);
  return { ok: true, write: { rows: () => ({ import: ended }) } };
}
