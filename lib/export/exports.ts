import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { formatOf } from "@/lib/export/export-formats";
import { exportRows } from "@/lib/export/export-pipeline";
import { exportRequestSchema, type ExportRequest } from "@/lib/export/export-selection";
import { planSplit, type SplitPlan } from "@/lib/export/export-plan";
import { countExportItems } from "@/lib/export/read-export-records";
import { datasetInfoFor, writeExportFiles, type WriteOutcome } from "@/lib/export/write-export";
import { PROMPT_TEMPLATES, sampleRowsOf } from "@/lib/export/prompt-templates";
import { SPLIT_TOLERANCE } from "@/lib/export/split-plan";

export const exportsDir = () => path.join(env.dataDir, "exports");

let version: string | null = null;
function appVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ path.join(env.projectRoot, "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** The filters of a request in words, for messages. */
function describeFilters(r: ExportRequest): string {
  const parts = [`status ${r.statuses.join(" or ")}`, ...(["origin", "job", "database", "difficulty", "from", "to"] as const).flatMap((k) => (r[k] ? [`${k} ${r[k]}`] : []))];
  return parts.join(", ");
}

/** The request, checked: the origin fits the format, something is selected, and a split can be made near the requested share (its plan). */
async function parseRequest(input: unknown): Promise<{ request: ExportRequest; plan: SplitPlan | null }> {
  const request = exportRequestSchema.parse(input);
  const kind = formatOf(request.format).kind;
  if (kind === "sft" && ["weak", "mutation"].includes(request.origin ?? "")) throw invalidInput(`${request.format} is an SFT format; origin "${request.origin}" only has preference pairs.`);
  if ((await countExportItems(kind, request)) === 0) throw invalidInput(`Nothing to export: no ${kind === "sft" ? "SFT samples" : "preference pairs"} match ${describeFilters(request)}. Widen the selection.`);
  return { request, plan: await planSplit(kind, request) };
}

/** The first records as they would be written (for the Exports page's preview), how many are selected, and the rows of each side of a split. */
export async function previewExport(input: unknown, limit = 3) {
  const { request, plan } = await parseRequest(input);
  const kind = formatOf(request.format).kind;
  const rows: unknown[] = [];
  for await (const page of exportRows(request, plan)) {
    for (const r of page) if (rows.length < limit) rows.push({ split: r.split, record: r.render() });
    if (rows.length >= limit) break;
  }
  const split = plan && { requested: plan.requested, tolerance: plan.tolerance, rows: plan.rows, share: plan.share, validationDatabases: plan.validationDatabases };
  return { kind, selected: await countExportItems(kind, request), rows, split };
}

type Where = { kind: "dashboard" } | { kind: "file"; file: string };

function manifestOf(id: string, base: string, request: ExportRequest, outcome: WriteOutcome, selected: number, createdBy: string | null) {
  const format = formatOf(request.format);
  return {
    id,
    base,
    format: request.format,
    formatLabel: format.label,
    trainer: format.trainer,
    kind: format.kind,
    template: { name: request.template, label: PROMPT_TEMPLATES[request.template].label, sampleRows: sampleRowsOf(request), includeEvidence: request.includeEvidence, system: request.system ?? PROMPT_TEMPLATES[request.template].system },
    filters: { statuses: request.statuses, origin: request.origin ?? null, job: request.job ?? null, database: request.database ?? null, difficulty: request.difficulty ?? null, from: request.from ?? null, to: request.to ?? null, dedup: request.dedup },
    split: {
      validationFraction: request.validationFraction,
      seed: request.seed,
      byDatabase: true,
      bySchema: true, // databases with identical schemas are on one side
      tolerance: SPLIT_TOLERANCE,
      validationDatabases: outcome.validationDatabases,
      rows: { train: outcome.files.find((f) => f.split === "train")?.rows ?? 0, validation: outcome.files.find((f) => f.split === "validation")?.rows ?? 0 },
      promptsOnBothSides: outcome.promptsOnBothSides, // checked while writing: an export with any fails
    },
    counts: { selected, written: outcome.written, duplicatesDropped: outcome.duplicates, ...outcome.counts },
    files: outcome.files,
    datasetInfo: datasetInfoFor(request, outcome.files),
    createdBy,
    appVersion: appVersion(),
    finishedAt: new Date().toISOString(),
  };
}

/** The files an export writes, by name (the jsonl files, its manifest, a LLaMA-Factory dataset_info). */
function targetNames(request: ExportRequest, base: string): string[] {
  const data = request.validationFraction > 0 ? [`${base}-train.jsonl`, `${base}-validation.jsonl`] : [`${base}.jsonl`];
  return [...data, `${base}.manifest.json`, ...(formatOf(request.format).datasetInfo ? [`${base}.dataset_info.json`] : [])];
}

const placeOf = (id: string, where: Where) =>
  where.kind === "file" ? { dir: path.dirname(where.file), base: path.basename(where.file).replace(/\.jsonl$/i, "") } : { dir: path.join(exportsDir(), id), base: "" };

/**
 * Writes an export (the caller decides whether to wait): progress on the row, cancel between pages,
 * then the files put in place and the manifest written. Every status change is conditional on the
 * export still running, so a cancel and a completion (or a failure) never both happen.
 */
async function runExport(id: string, request: ExportRequest, plan: SplitPlan | null, where: Where, createdBy: string | null) {
  const { dir, base: fileBase } = placeOf(id, where);
  const base = fileBase || request.format;
  const stillRunning = { id, status: "running" };
  let placed: string[] = [];
  try {
    const selected = await countExportItems(formatOf(request.format).kind, request);
    await prisma.export.update({ where: { id }, data: { totalRows: selected } });
    const outcome = await writeExportFiles(request, plan, { dir, base }, {
      onProgress: async (written) => void (await prisma.export.update({ where: { id }, data: { rowCount: written } })),
      shouldStop: async () => (await prisma.export.findUnique({ where: { id }, select: { status: true } }))?.status !== "running",
    });
    if (outcome.status === "cancelled") return prisma.export.findUniqueOrThrow({ where: { id } });
    const manifest = manifestOf(id, base, request, outcome, selected, createdBy);
    outcome.commit();
    placed = targetNames(request, base).map((n) => path.join(dir, n));
    fs.writeFileSync(path.join(dir, `${base}.manifest.json`), `${JSON.stringify(manifest, null, 2)}\n`);
    if (manifest.datasetInfo) fs.writeFileSync(path.join(dir, `${base}.dataset_info.json`), `${JSON.stringify(manifest.datasetInfo, null, 2)}\n`);
    const finished = await prisma.export.updateMany({
      where: stillRunning,
      data: { status: "done", rowCount: outcome.written, fileSha256: outcome.files[0]?.sha256 ?? null, manifestJson: JSON.stringify(manifest), finishedAt: new Date() },
    });
    if (finished.count === 0) for (const file of placed) fs.rmSync(file, { force: true }); // cancelled at the last moment
  } catch (error) {
    for (const file of placed) fs.rmSync(file, { force: true });
    if (where.kind === "dashboard") fs.rmSync(dir, { recursive: true, force: true });
    await prisma.export.updateMany({ where: stillRunning, data: { status: "failed", error: (error as Error).message, finishedAt: new Date() } });
  }
  return prisma.export.findUniqueOrThrow({ where: { id } });
}

export type ExportActor = AuditActor & { name: string };

/** The export's row and its audit entry (who, from where), in one transaction. */
async function createRow(request: ExportRequest, actor: ExportActor | null, filePath: string | null) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.export.create({
      data: { format: request.format, status: "running", filtersJson: JSON.stringify(request), templateName: request.template, appVersion: appVersion(), createdById: actor?.id ?? null, filePath },
    });
    await recordAuditEvent(actor, { action: "export.start", targetType: "export", targetId: row.id, detail: { format: request.format, template: request.template, filePath } }, tx);
    return row;
  });
}

/** Starts an export from the dashboard: it runs in the background; the Exports page shows its progress. */
export async function startExport(input: unknown, actor: ExportActor | null) {
  const { request, plan } = await parseRequest(input);
  const row = await createRow(request, actor, null);
  await prisma.export.update({ where: { id: row.id }, data: { filePath: path.relative(env.dataDir, path.join(exportsDir(), row.id)) } });
  runExport(row.id, request, plan, { kind: "dashboard" }, actor?.name ?? null).catch((error: unknown) => console.error(`[export ${row.id}] failed:`, error));
  return row;
}

/** Runs an export to a file and waits for it (the CLI). Files already there are kept unless `overwrite`. */
export async function exportToFile(input: unknown, file: string, options: { overwrite?: boolean; actor?: ExportActor | null } = {}) {
  const { request, plan } = await parseRequest(input);
  if (!/\.jsonl$/i.test(file)) throw invalidInput(`The output file must end in .jsonl (one JSON object a line): ${file}`);
  const { dir, base } = placeOf("", { kind: "file", file });
  const taken = targetNames(request, base).filter((n) => fs.existsSync(path.join(dir, n)));
  if (taken.length && !options.overwrite) throw conflict(`${taken.map((n) => path.join(dir, n)).join(", ")} exist(s) already; choose another --out or add --force.`);
  const row = await createRow(request, options.actor ?? null, dir);
  return runExport(row.id, request, plan, { kind: "file", file }, options.actor?.name ?? null);
}

export async function cancelExport(id: string, actor: AuditActor | null) {
  const changed = await prisma.export.updateMany({ where: { id, status: "running" }, data: { status: "cancelled", finishedAt: new Date() } });
  if (changed.count === 1) {
    await recordAuditEvent(actor, { action: "export.cancel", targetType: "export", targetId: id });
    return prisma.export.findUniqueOrThrow({ where: { id } });
  }
  const row = await prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound(`No export with id "${id}".`);
  throw conflict(`Cannot cancel an export that is ${row.status}.`);
}

/** On start: the dashboard's exports that were running when the app stopped cannot go on (a CLI's may still run). */
export async function failInterruptedExports(): Promise<number> {
  const { count } = await prisma.export.updateMany({ where: { status: "running", OR: [{ filePath: null }, { NOT: { filePath: { startsWith: "/" } } }] }, data: { status: "failed", error: "The app stopped while this export was running; start it again.", finishedAt: new Date() } });
  return count;
}

export type ExportView = Awaited<ReturnType<typeof listExports>>[number];

export async function listExports(limit = 100) {
  const rows = await prisma.export.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const people = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))] } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((e) => ({
    id: e.id,
    createdBy: e.createdById ? (nameOf.get(e.createdById) ?? null) : null,
    format: e.format,
    status: e.status,
    template: e.templateName,
    totalRows: e.totalRows,
    rowCount: e.rowCount,
    error: e.error,
    fileSha256: e.fileSha256,
    manifest: e.manifestJson ? (JSON.parse(e.manifestJson) as ReturnType<typeof manifestOf>) : null,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
  }));
}

/** The path of one of an export's files, for download (only files its manifest lists). */
export async function exportFilePath(id: string, name: string): Promise<string> {
  const row = await prisma.export.findUnique({ where: { id } });
  if (!row) throw notFound(`No export with id "${id}".`);
  if (row.status !== "done" || !row.manifestJson || !row.filePath) throw conflict(`The export is ${row.status}; there is no file to download.`);
  const manifest = JSON.parse(row.manifestJson) as { base: string; files: { name: string }[]; datasetInfo: unknown };
  const allowed = [...manifest.files.map((f) => f.name), `${manifest.base}.manifest.json`, ...(manifest.datasetInfo ? [`${manifest.base}.dataset_info.json`] : [])];
  if (!allowed.includes(name)) throw notFound(`The export has no file named "${name}".`);
  const file = path.resolve(env.dataDir, row.filePath, name); // name is one the manifest lists
  if (!fs.existsSync(file)) throw notFound(`The file ${name} of this export is gone from the data directory.`);
  return file;
}
