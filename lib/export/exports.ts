import "server-only";
import type { z } from "zod";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { formatOf } from "@/lib/export/export-formats";
import { exportRows, RowRenderer } from "@/lib/export/export-pipeline";
import { exportRequestSchema, type ExportRequest } from "@/lib/export/export-selection";
import { readDatasetInfo } from "@/lib/export/dataset-info";
import { appVersion, targetNames, type ExportManifest } from "@/lib/export/export-manifest";
import { planSplit, type SplitPlan } from "@/lib/export/export-plan";
import { countExportItems } from "@/lib/export/read-export-records";
import { exportsDir, placeOf, runExport, type Where } from "@/lib/export/run-export";
import { enqueueFileJob } from "@/lib/jobs/file-jobs";
import { ownerProcessTag } from "@/lib/store/owner-process";
import { databaseExists } from "@/lib/databases/read-databases";
import { quoteShort } from "@/lib/util/field-labels";
import { KIND } from "@/lib/items/item-kinds";

/** What a caller asks of an export, before its schema fills in the defaults. */
type ExportInput = z.input<typeof exportRequestSchema>;

/** The filters of a request in words, for messages. */
function describeFilters(r: ExportRequest): string {
  const parts = [
    `status ${r.statuses.join(" or ")}`,
    ...(["origin", "job", "database", "difficulty", "from", "to"] as const).flatMap((k) =>
      r[k] ? [`${k} ${r[k]}`] : [],
    ),
  ];
  return parts.join(", ");
}

/** The request, checked (its schema checks that the origin fits the format): something is selected, and a split can be made near the requested share (its plan). */
async function parseRequest(input: ExportInput): Promise<{ request: ExportRequest; plan: SplitPlan | null }> {
  const request = exportRequestSchema.parse(input);
  const kind = formatOf(request.format).kind;
  if (request.database && !(await databaseExists(request.database)))
    throw invalidInput(
      `No database named ${quoteShort(request.database)} in the store: pick one of its databases, or export from all of them.`,
    );
  if ((await countExportItems(kind, request)) === 0)
    throw invalidInput(
      `Nothing to export: no ${KIND[kind].many} match ${describeFilters(request)}. Widen the selection.`,
    );
  return { request, plan: await planSplit(kind, request) };
}

/** The first records as they would be written (for the Exports page's preview), how many are selected, and the rows of each side of a split. */
export async function previewExport(input: ExportInput, limit = 3) {
  const { request, plan } = await parseRequest(input);
  const kind = formatOf(request.format).kind;
  const rows: unknown[] = [];
  const renderer = new RowRenderer(request);
  for await (const page of exportRows(request, plan)) {
    for (const r of page) if (rows.length < limit) rows.push({ split: r.split, record: renderer.record(r) });
    if (rows.length >= limit) break;
  }
  const split = plan && {
    requested: plan.requested,
    tolerance: plan.tolerance,
    rows: plan.rows,
    share: plan.share,
    validationDatabases: plan.validationDatabases,
  };
  return { kind, selected: await countExportItems(kind, request), rows, split };
}

export type ExportActor = AuditActor & { name: string };

/** The export's row and its audit entry (who, from where), in one transaction; a dashboard export's job too. */
async function createRow(
  request: ExportRequest,
  actor: ExportActor | null,
  filePath: string | null,
  queued: boolean,
) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.export.create({
      data: {
        format: request.format,
        status: "running",
        filtersJson: JSON.stringify(request),
        templateName: request.template,
        appVersion: appVersion(),
        createdById: actor?.id ?? null,
        filePath,
        ownerProcess: queued ? null : ownerProcessTag(),
      },
    });
    await recordAuditEvent(
      actor,
      {
        action: "export.start",
        targetType: "export",
        targetId: row.id,
        detail: { format: request.format, name: request.name ?? null, template: request.template, filePath },
      },
      tx,
    );
    if (!queued) return row;
    const jobId = await enqueueFileJob(tx, { kind: "export", exportId: row.id }, actor?.id ?? null);
    return tx.export.update({
      where: { id: row.id },
      data: { jobId, filePath: path.relative(env.dataDir, path.join(exportsDir(), row.id)) },
    });
  });
}

/**
 * Starts an export from the dashboard: a job on the queue writes it (lib/jobs/handlers/export-item.ts),
 * away from the web process; the Exports page shows its progress. Checked here first, so that a
 * request that selects nothing is refused at once.
 */
export async function startExport(input: ExportInput, actor: ExportActor | null) {
  const { request } = await parseRequest(input);
  return createRow(request, actor, null, true);
}

/**
 * Runs an export and waits for it (the CLI), to `out`: a file ending in .jsonl, or a folder (an
 * existing one, or a path ending in a slash), where the files are named as the dashboard names them
 * (the export's name or format, and its id). Files already there are kept unless `overwrite`.
 */
export async function exportToFile(
  input: ExportInput,
  out: string,
  options: { overwrite?: boolean; actor?: ExportActor | null } = {},
) {
  const { request, plan } = await parseRequest(input);
  const toFolder = /[\\/]$/.test(out) || (fs.existsSync(out) && fs.statSync(out).isDirectory());
  if (!toFolder && !/\.jsonl$/i.test(out))
    throw invalidInput(
      `The output must be a file ending in .jsonl (one JSON object a line) or a folder (ending in /): ${out}`,
    );
  const where: Where = toFolder
    ? { kind: "folder", dir: path.resolve(out) }
    : { kind: "file", file: path.resolve(out) };
  const dir = where.kind === "folder" ? where.dir : path.dirname(where.file);
  if (where.kind === "file") {
    const taken = targetNames(plan !== null, placeOf("", request, where).base).filter((n) =>
      fs.existsSync(path.join(dir, n)),
    );
    if (taken.length && !options.overwrite)
      throw conflict(
        `${taken.map((n) => path.join(dir, n)).join(", ")} exist(s) already; choose another --out or add --force.`,
      );
  }
  if (formatOf(request.format).datasetInfo) readDatasetInfo(dir); // one it could not add to is refused before anything is written
  const row = await createRow(request, options.actor ?? null, dir, false);
  return runExport(row.id, request, plan, where, options.actor?.name ?? null);
}

export async function cancelExport(id: string, actor: AuditActor | null) {
  const changed = await prisma.export.updateMany({
    where: { id, status: "running" },
    data: { status: "cancelled", finishedAt: new Date() },
  });
  if (changed.count === 1) {
    await recordAuditEvent(actor, { action: "export.cancel", targetType: "export", targetId: id });
    return prisma.export.findUniqueOrThrow({ where: { id } });
  }
  const row = await prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound(`No export with id "${id}".`);
  throw conflict(`Cannot cancel an export that is ${row.status}.`);
}

export type ExportView = Awaited<ReturnType<typeof listExports>>[number];

export async function listExports(limit = 100) {
  const rows = await prisma.export.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { createdBy: { select: { name: true } } },
  });
  return rows.map((e) => ({
    id: e.id,
    createdBy: e.createdBy?.name ?? null,
    format: e.format,
    status: e.status,
    waiting: e.status === "running" && e.jobId !== null && e.ownerProcess === null, // queued: no runner has taken it yet
    template: e.templateName,
    totalRows: e.totalRows,
    rowCount: e.rowCount,
    error: e.error,
    fileSha256: e.fileSha256,
    name: (JSON.parse(e.filtersJson) as { name?: string }).name ?? null,
    manifest: e.manifestJson ? (JSON.parse(e.manifestJson) as ExportManifest) : null,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
  }));
}

// a file put in place by an export is older than its finish; a later one with the same name was written since
const WRITTEN_SINCE_MS = 50;

/**
 * The path of one of an export's files, for download (only files its manifest lists). A finished
 * export is a snapshot: a file another export has since written over (the CLI's --force) is
 * refused rather than served as this export's.
 */
export async function exportFilePath(id: string, name: string): Promise<string> {
  const row = await prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound(`No export with id "${id}".`);
  if (row.status !== "done" || !row.manifestJson || !row.filePath || !row.finishedAt)
    throw conflict(`The export is ${row.status}; there is no file to download.`);
  const manifest = JSON.parse(row.manifestJson) as Pick<
    ExportManifest,
    "base" | "files" | "trace" | "datasetInfoFile"
  >;
  const recorded = [...manifest.files, ...(manifest.trace ? [manifest.trace] : [])];
  const allowed = [
    ...recorded.map((f) => f.name),
    `${manifest.base}.manifest.json`,
    ...(manifest.datasetInfoFile ? [manifest.datasetInfoFile] : []),
  ];
  if (!allowed.includes(name)) throw notFound(`The export has no file named "${name}".`);
  const file = path.resolve(env.dataDir, row.filePath, name); // name is one the manifest lists
  if (!fs.existsSync(file))
    throw notFound(`The file ${name} of this export is gone from the data directory.`);
  if (name !== manifest.datasetInfoFile) {
    const stat = fs.statSync(file);
    const bytes = recorded.find((f) => f.name === name)?.bytes;
    if (
      stat.mtimeMs > row.finishedAt.getTime() + WRITTEN_SINCE_MS ||
      (bytes !== undefined && stat.size !== bytes)
    ) {
      throw conflict(
        `The file ${name} was replaced after this export finished (another export wrote a file of that name there); this export's manifest no longer describes it.`,
      );
    }
  }
  return file;
}
