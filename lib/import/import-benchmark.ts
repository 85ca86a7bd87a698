import "server-only";
import { prisma } from "@/lib/db";
import { chunk } from "@/lib/util/chunk";
import {
  resolveLayout,
  type BenchmarkFormat,
  type BenchmarkLayout,
  type BenchmarkSplit,
} from "@/lib/import/benchmark-layout";
import { readBenchmarkRecords, type BenchmarkRecord } from "@/lib/import/benchmark-records";
import { readDeclaredSchemas } from "@/lib/import/declared-schemas";
import type { DatabaseSchema } from "@/lib/sql/schema-types";
import { importDatabases, type DatabaseOutcome } from "@/lib/import/import-databases";
import { ownerProcessTag } from "@/lib/store/owner-process";
import { hardnessOf } from "@/lib/tasks/task-hardness";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";

/** `actor`: the person importing (the dashboard, `sense import`); the audit log names them. */
export type ImportBenchmarkInput = {
  format: BenchmarkFormat;
  dir: string;
  split: BenchmarkSplit;
  actor?: AuditActor | null;
};

export type ImportReport = {
  importRunId: string;
  format: BenchmarkFormat;
  split: BenchmarkSplit;
  dir: string;
  recordsRead: number;
  tasksAdded: number;
  tasksSkipped: number; // already in the store from an earlier import
  databases: DatabaseOutcome[];
  databasesMissing: string[];
  tasksWithoutFile: number; // tasks whose database has no usable file
  elapsedMs: number;
};

const INSERT_CHUNK = 500;

/** A folder's layout and every record and declared schema in it, read and checked; nothing is written. */
export type ReadFolder = {
  layout: BenchmarkLayout;
  records: BenchmarkRecord[];
  declared: Map<string, DatabaseSchema>;
};

export function readFolder(input: Pick<ImportBenchmarkInput, "format" | "dir" | "split">): ReadFolder {
  const layout = resolveLayout(input.format, input.dir, input.split);
  const records = readBenchmarkRecords(layout);
  return {
    layout,
    records,
    declared: layout.tablesFile ? readDeclaredSchemas(layout.tablesFile) : new Map(),
  };
}

/**
 * Imports a Spider- or BIRD-layout folder and waits for it (`sense import`; the dashboard's runs on
 * the job queue, lib/import/queued-import.ts). Every file and record is validated before anything
 * is written, so a bad folder changes nothing; re-importing the same folder adds nothing twice.
 */
export async function importBenchmark(input: ImportBenchmarkInput): Promise<ImportReport> {
  const started = Date.now();
  const actor = input.actor ?? null;
  let read: ReadFolder;
  try {
    read = readFolder(input);
  } catch (error) {
    // refused before anything was read: a failed run with the reason, listed under Recent imports, and in the log
    await recordFailedImport(input, error);
    throw error;
  }
  const { layout } = read;
  const run = await prisma.importRun.create({
    data: {
      format: layout.format,
      dirPath: layout.dir,
      split: layout.split,
      status: "running",
      createdById: actor?.id ?? null,
      ownerProcess: ownerProcessTag(),
    },
  });
  await recordAuditEvent(actor, {
    action: "import.start",
    targetType: "import",
    targetId: run.id,
    detail: { format: input.format, split: input.split, dir: layout.dir, records: read.records.length },
  });
  return writeImport(run.id, read, actor, started);
}

/** Writes what a read folder adds (its databases, then its new tasks in one transaction) under the run `runId`, and ends the run: done with its report, or failed with why. */
export async function writeImport(
  runId: string,
  { layout, records, declared }: ReadFolder,
  actor: AuditActor | null,
  started: number,
): Promise<ImportReport> {
  const run = { id: runId };
  try {
    const dbIds = [...new Set(records.map((r) => r.dbId))];
    const { ids, outcomes } = await importDatabases(layout, dbIds, declared);
    const known = await existingSourceRefs(records.map((r) => r.sourceRef));
    const fresh = records.filter((r) => !known.has(r.sourceRef));
    await prisma.$transaction(
      chunk(fresh, INSERT_CHUNK).map((part) =>
        prisma.task.createMany({
          data: part.map((r) => ({
            databaseId: ids.get(r.dbId) ?? "",
            question: r.question,
            evidence: r.evidence,
            goldSql: r.goldSql,
            difficulty: r.difficulty,
            hardness: hardnessOf(r.goldSql),
            split: layout.split,
            origin: layout.format,
            sourceRef: r.sourceRef,
            importRunId: run.id,
          })),
        }),
      ),
    );
    const unavailable = new Set(
      outcomes.filter((o) => o.status === "missing" || o.status === "invalid").map((o) => o.name),
    );
    const report: ImportReport = {
      importRunId: run.id,
      format: layout.format,
      split: layout.split,
      dir: layout.dir,
      recordsRead: records.length,
      tasksAdded: fresh.length,
      tasksSkipped: records.length - fresh.length,
      databases: outcomes,
      databasesMissing: [...unavailable],
      tasksWithoutFile: records.filter((r) => unavailable.has(r.dbId)).length,
      elapsedMs: Date.now() - started,
    };
    // only a run still running ends here: a second attempt of a queued import (a lost lease) that
    // failed on tasks the first one wrote must not turn its "done" into "failed", nor the reverse
    const ended = await prisma.importRun.updateMany({
      where: { id: run.id, status: "running" },
      data: {
        status: "done",
        tasksAdded: report.tasksAdded,
        tasksSkipped: report.tasksSkipped,
        databasesAdded: outcomes.filter((o) => o.status === "added").length,
        databasesMissing: unavailable.size,
        reportJson: JSON.stringify(report),
        finishedAt: new Date(),
      },
    });
    if (ended.count === 0) return report; // another attempt ended it, and wrote its own entry
    await recordAuditEvent(actor, {
      action: "import.finish",
      targetType: "import",
      targetId: run.id,
      detail: {
        records: records.length,
        tasksAdded: report.tasksAdded,
        tasksSkipped: report.tasksSkipped,
        databasesAdded: outcomes.filter((o) => o.status === "added").length,
        databasesMissing: report.databasesMissing.length,
        seconds: Math.round(report.elapsedMs / 100) / 10,
      },
    });
    return report;
  } catch (error) {
    const failed = await prisma.importRun.updateMany({
      where: { id: run.id, status: "running" },
      data: { status: "failed", error: (error as Error).message, finishedAt: new Date() },
    });
    if (failed.count === 0) throw error; // another attempt ended it
    await recordAuditEvent(actor, {
      action: "import.fail",
      targetType: "import",
      targetId: run.id,
      detail: { error: (error as Error).message },
    });
    throw error;
  }
}

/** An import refused before it began (no folder, a bad file or record): a failed run with the reason, nothing else written. */
export async function recordFailedImport(input: ImportBenchmarkInput, error: unknown): Promise<void> {
  const now = new Date();
  const actor = input.actor ?? null;
  const run = await prisma.importRun.create({
    data: {
      format: input.format,
      dirPath: input.dir,
      split: input.split,
      status: "failed",
      error: (error as Error).message,
      createdById: actor?.id ?? null,
      finishedAt: now,
    },
  });
  await recordAuditEvent(actor, {
    action: "import.fail",
    targetType: "import",
    targetId: run.id,
    detail: { format: input.format, split: input.split, dir: input.dir, error: (error as Error).message },
  });
}

async function existingSourceRefs(refs: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunk(refs, INSERT_CHUNK)) {
    const rows = await prisma.task.findMany({
      where: { sourceRef: { in: part } },
      select: { sourceRef: true },
    });
    for (const row of rows) found.add(row.sourceRef);
  }
  return found;
}
