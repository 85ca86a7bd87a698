import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";
import { sqlTime } from "@/lib/jobs/job-sql";

const ROWS_PER_STATEMENT = 5_000; // 6 parameters a row, under SQLite's 32,766
const ROWS_PER_TRANSACTION = 50_000;

/**
 * The bulk path for very large jobs (benchmarks, a million-item weak job): appends `count` pending
 * items to a job in the app's own row format (the columns Prisma writes, times as Prisma stores
 * them), many rows per INSERT and many INSERTs per transaction, each transaction raising the
 * job's items_total by what it added. Ids are made in order, so items run in the order given.
 */
export async function appendJobItems(jobId: string, step: string, count: number, payloadAt: (index: number) => unknown): Promise<void> {
  const prefix = `b${Date.now().toString(36)}${crypto.randomBytes(4).toString("hex")}`;
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(count, start + ROWS_PER_TRANSACTION);
    await prisma.$transaction(async (tx) => {
      for (let from = start; from < end; from += ROWS_PER_STATEMENT) {
        const now = sqlTime(new Date());
        const rows: Prisma.Sql[] = [];
        for (let i = from; i < Math.min(end, from + ROWS_PER_STATEMENT); i++) {
          const id = `${prefix}${i.toString(36).padStart(8, "0")}`;
          rows.push(Prisma.sql`(${id}, ${jobId}, ${step}, ${JSON.stringify(payloadAt(i))}, 'pending', 0, ${now}, ${now})`);
        }
        await tx.$executeRaw`INSERT INTO job_items (id, job_id, step, payload_json, status, attempts, created_at, updated_at) VALUES ${Prisma.join(rows)}`;
      }
      await tx.$executeRaw`UPDATE jobs SET items_total = items_total + ${end - start} WHERE id = ${jobId}`;
    }, { timeout: 120_000 });
  }
}
