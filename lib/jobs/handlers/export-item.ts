import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { formatOf } from "@/lib/export/export-formats";
import { planSplit } from "@/lib/export/export-plan";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { exportsDir, runExport, type RunGuard } from "@/lib/export/run-export";
import { removeDeadPartials } from "@/lib/export/interrupted-exports";
import { itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import { ownerProcessTag } from "@/lib/store/owner-process";

/**
 * A dashboard export, run by the job runner. An attempt after a runner died starts over: what the
 * earlier attempt left in the export's own folder goes, and the files are written again from the
 * store as it is now (the split is planned again too). An export cancelled before a runner got to
 * it ends here at once. The item's outcome writes nothing: the export's row holds its result.
 */
export async function processExportItem(
  payload: { exportId: string },
  guard: RunGuard,
): Promise<ItemOutcome> {
  const row = await prisma.export.findUnique({
    where: { id: payload.exportId },
    include: { createdBy: { select: { name: true } } },
  });
  if (!row)
    return itemFailure("missing_export", `The export ${payload.exportId} was deleted before it was written.`);
  if (row.status !== "running") return { ok: true, write: { rows: () => ({ export: row.status }) } };
  const dir = path.join(exportsDir(), row.id);
  removeDeadPartials(dir); // an earlier attempt's, whose runner is gone (a stalled one that still runs keeps its own)
  await prisma.export.update({
    where: { id: row.id },
    data: { ownerProcess: ownerProcessTag(), rowCount: 0 },
  });
  const ended = await (async () => {
    try {
      const request = exportRequestSchema.parse(JSON.parse(row.filtersJson));
      const plan = await planSplit(formatOf(request.format).kind, request);
      return await runExport(
        row.id,
        request,
        plan,
        { kind: "dashboard" },
        row.createdBy?.name ?? null,
        guard,
      );
    } catch (error) {
      // the request no longer fits (a split that cannot be made now): the export fails with why
      if (!(await guard.confirm().catch(() => false))) throw error;
      fs.rmSync(dir, { recursive: true, force: true });
      await prisma.export.updateMany({
        where: { id: row.id, status: "running" },
        data: { status: "failed", error: (error as Error).message, finishedAt: new Date() },
      });
      return prisma.export.findUniqueOrThrow({ where: { id: row.id } });
    }
  })();
  return { ok: true, write: { rows: () => ({ export: ended.status, rows: ended.rowCount }) } };
}
