import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { formatOf } from "@/lib/export/export-formats";
import type { ExportRequest } from "@/lib/export/export-selection";
import { addDatasetInfoEntries, dropDatasetInfoEntries } from "@/lib/export/dataset-info";
import { manifestOf, targetNames } from "@/lib/export/export-manifest";
import { exportFileBase } from "@/lib/export/export-names";
import type { SplitPlan } from "@/lib/export/export-plan";
import { countExportItems, countFlaggedItems } from "@/lib/export/read-export-records";
import { writeExportFiles } from "@/lib/export/write-export";

export const exportsDir = () => path.join(env.dataDir, "exports");

/** Where an export goes: the dashboard's folder for it, a file the CLI names, or a folder the CLI names (files named as the dashboard's). */
export type Where = { kind: "dashboard" } | { kind: "file"; file: string } | { kind: "folder"; dir: string };

export function placeOf(id: string, request: ExportRequest, where: Where): { dir: string; base: string } {
  if (where.kind === "file")
    return { dir: path.dirname(where.file), base: path.basename(where.file).replace(/\.jsonl$/i, "") };
  return {
    dir: where.kind === "folder" ? where.dir : path.join(exportsDir(), id),
    base: exportFileBase(request.name, request.format, id),
  };
}

/** Writes a file under a temporary name, then puts it in place read-only (over an earlier read-only one too). */
function writeReadOnly(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text, { mode: 0o400 });
  fs.renameSync(temporary, file);
}

/**
 * How a run learns that the queue gave its work to another runner (a lost lease): `held` turns
 * false at the heartbeat's next renewal; `confirm` asks the store now, before anything is put in
 * place or removed by shared names.
 */
export type RunGuard = { held: () => boolean; confirm: () => Promise<boolean> };

const always: RunGuard = { held: () => true, confirm: () => Promise.resolve(true) };

/** Whether the run still holds its work, asked of the store (the heartbeat's word first). */
const stillHeld = async (guard: RunGuard) => guard.held() && (await guard.confirm());

/**
 * Writes an export (the CLI waits for it; a dashboard export runs as a job, lib/jobs/handlers/export-item.ts):
 * progress on the row, cancel between pages, then the files put in place, the manifest written and
 * the LLaMA-Factory entries added to the folder's dataset_info.json. Every status change is
 * conditional on the export still running, so a cancel and a completion (or a failure) never both
 * happen. A run whose lease is lost stops and leaves the row and the folder to the run that holds it.
 */
export async function runExport(
  id: string,
  request: ExportRequest,
  plan: SplitPlan | null,
  where: Where,
  createdBy: string | null,
  guard: RunGuard = always,
) {
  const { dir, base } = placeOf(id, request, where);
  const stillRunning = { id, status: "running" };
  let placed: string[] = [];
  let entries: Record<string, unknown> | null = null;
  const undo = () => {
    for (const file of placed) fs.rmSync(file, { force: true });
    if (entries) dropDatasetInfoEntries(dir, Object.keys(entries));
  };
  try {
    const selected = await countExportItems(formatOf(request.format).kind, request);
    await prisma.export.update({ where: { id }, data: { totalRows: selected } });
    const outcome = await writeExportFiles(
      request,
      plan,
      { dir, base },
      {
        onProgress: async (written) =>
          void (await prisma.export.update({ where: { id }, data: { rowCount: written } })),
        shouldStop: async () =>
          !guard.held() ||
          (await prisma.export.findUnique({ where: { id }, select: { status: true } }))?.status !== "running",
      },
    );
    if (outcome.status === "cancelled") return prisma.export.findUniqueOrThrow({ where: { id } });
    if (!(await stillHeld(guard))) {
      outcome.discard(); // another runner writes it now: nothing of this run is put in place
      return prisma.export.findUniqueOrThrow({ where: { id } });
    }
    const flagged = await countFlaggedItems(formatOf(request.format).kind, request);
    const manifest = manifestOf({ id, base, request, outcome, selected, flagged, createdBy });
    placed = targetNames(plan !== null, base).map((n) => path.join(dir, n));
    outcome.commit();
    writeReadOnly(path.join(dir, `${base}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
    if (manifest.datasetInfo) addDatasetInfoEntries(dir, (entries = manifest.datasetInfo));
    const finished = await prisma.export.updateMany({
      where: stillRunning,
      data: {
        status: "done",
        rowCount: outcome.written,
        fileSha256: outcome.files[0]?.sha256 ?? null,
        manifestJson: JSON.stringify(manifest),
        finishedAt: new Date(),
      },
    });
    // cancelled at the last moment: take the files back (not when another run finished it: they are its names too)
    if (finished.count === 0 && (await prisma.export.findUnique({ where: { id } }))?.status === "cancelled")
      undo();
  } catch (error) {
    // the run that holds it now decides; this one removes nothing by the names they share
    if (!(await stillHeld(guard).catch(() => false)))
      return prisma.export.findUniqueOrThrow({ where: { id } });
    undo();
    if (where.kind === "dashboard") fs.rmSync(dir, { recursive: true, force: true });
    await prisma.export.updateMany({
      where: stillRunning,
      data: { status: "failed", error: (error as Error).message, finishedAt: new Date() },
    });
  }
  return prisma.export.findUniqueOrThrow({ where: { id } });
}
