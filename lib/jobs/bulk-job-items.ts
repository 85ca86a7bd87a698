import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import type { JobStep, StepPayload } from "@/lib/jobs/job-step-registry";
import { sqlTime } from "@/lib/store/sql-time";

const ROWS_PER_STATEMENT = 4_000; // 6 parameters a row, under SQLite's 32,766
const ROWS_PER_TRANSACTION = 20_000;

/** `INSERT … VALUES (…), (…)` for `rows` pending items of one job and step. */
const insertSql = (rows: number) =>
  `INSERT INTO job_items (id, job_id, step, payload_json, status, attempts, created_at, updated_at) VALUES ${Array.from({ length: rows }, () => "(?, ?, ?, ?, 'pending', 0, ?, ?)").join(", ")}`;

/**
 * The bulk path for very large jobs (benchmarks, a million-item weak job): appends `count` pending
 * items to a job in the app's own row format (the columns Prisma writes, times as Prisma stores
 * them), thousands of rows per INSERT and several INSERTs per transaction, each transaction
 * raising the job's items_total by what it added. Ids are made in order, so items run in the
 * order given. Memory stays flat: one statement's rows at a time.
 */
export async function appendJobItems<S extends JobStep>(
  jobId: string,
  step: S,
  count: number,
  payloadAt: (index: number) => StepPayload<S>,
): Promise<void> {
  const prefix = `b${Date.now().toString(36)}${crypto.randomBytes(4).toString("hex")}`;
  const fullSql = insertSql(ROWS_PER_STATEMENT);
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(count, start + ROWS_PER_TRANSACTION);
    await prisma.$transaction(
      async (tx) => {
        for (let from = start; from < end; from += ROWS_PER_STATEMENT) {
          const rows = Math.min(end, from + ROWS_PER_STATEMENT) - from;
          const now = sqlTime(new Date());
          const args: unknown[] = [];
          for (let i = from; i < from + rows; i++)
            args.push(
              `${prefix}${i.toString(36).padStart(8, "0")}`,
              jobId,
              step,
              JSON.stringify(payloadAt(i)),
              now,
              now,
            );
          await tx.$executeRawUnsafe(rows === ROWS_PER_STATEMENT ? fullSql : insertSql(rows), ...args);
        }
        await tx.$executeRaw`UPDATE jobs SET items_total = items_total + ${end - start} WHERE id = ${jobId}`;
      },
      { timeout: 120_000 },
    );
  }
}
