import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db";
import { databaseFilePath } from "@/lib/databases/database-files";
import { itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import { newRowId } from "@/lib/jobs/row-ids";
import type { StrongStepContext, WriteQuestionsPayload } from "@/lib/jobs/handlers/strong-context";
import { displayResult } from "@/lib/sql/display-result";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { previewRows, previewsText } from "@/lib/sql/preview-rows";
import { schemaToDdl } from "@/lib/sql/schema-ddl";
import { parseStoredSchema } from "@/lib/sql/schema-types";
import { rawExcerpt, sampleModelTexts } from "@/lib/synthesis/model-text";
import { NearDuplicateFilter } from "@/lib/synthesis/near-duplicates";
import { renderModelPrompt } from "@/lib/synthesis/prompt-files";
import { parseQuestionsAnswer } from "@/lib/synthesis/strong/questions-answer";

const EXEC_LIMITS = { timeoutMs: 10_000, maxRows: 1_000, maxBytes: 4 * 1024 * 1024 };
const RESULT_PREVIEW_ROWS = 20;

/** Two examples at the same Spider hardness from existing tasks (SENSE shows two random Spider-train examples). */
async function fewShotExamples(difficulty: string, seed: string): Promise<string> {
  const where = { hardness: difficulty, origin: { in: ["spider", "bird", "demo"] } };
  const total = await prisma.task.count({ where });
  if (!total) return "";
  const start = crypto.createHash("sha1").update(seed).digest().readUInt32BE(0) % total;
  const tasks = await prisma.task.findMany({
    where,
    orderBy: { id: "asc" },
    skip: Math.min(start, Math.max(0, total - 2)),
    take: 2,
  });
  const lines = tasks.map((t) => `- Q: ${t.question}\n  SQL: ${t.goldSql.replace(/\s+/g, " ")}`);
  return `\nExamples at this difficulty (on other databases):\n${lines.join("\n")}\n`;
}

/** Three rows of each table for the prompt, read in the sandbox (tables whose rows cannot be read are left out). */
async function rowsText(ctx: StrongStepContext, file: string, tables: string[]): Promise<string> {
  return previewsText(
    await previewRows(ctx.pool, file, tables, { limit: 3, budgetMs: 10_000 }),
    "  (no rows)",
  );
}

/**
 * A strong job's question step: the model writes question + SQL pairs at one difficulty for one
 * database; each SQL is executed. Samples that run are queued for review with their result; the
 * others are kept, discarded, with their error; near duplicates of the database's samples are dropped.
 */
export async function processWriteQuestionsItem(
  payload: WriteQuestionsPayload,
  ctx: StrongStepContext,
): Promise<ItemOutcome> {
  const database = await prisma.targetDatabase.findUnique({ where: { id: payload.databaseId } });
  if (!database?.filePath)
    return itemFailure("missing_database", `The database ${payload.databaseId} of this job is gone.`);
  const file = databaseFilePath(database.filePath);
  const schema = parseStoredSchema(database.schemaJson);
  const messages = renderModelPrompt(ctx.prompts["strong-questions"]!, {
    difficulty: payload.difficulty,
    count: payload.count,
    schema: schema ? schemaToDdl(schema) : "(schema unknown)",
    rows: schema
      ? await rowsText(
          ctx,
          file,
          schema.tables.map((t) => t.name),
        )
      : "",
    examples: await fewShotExamples(payload.difficulty, `${payload.databaseId}:${payload.part}`),
  });
  const unparsable = (text: string) => {
    const read = parseQuestionsAnswer(text);
    return read.ok ? null : read.reason;
  };
  const answer = await sampleModelTexts(ctx.provider, ctx.jobId, messages, 1, {
    temperature: ctx.config.temperature,
    firstSeed: payload.part,
    unparsable,
  });
  if (!answer.ok) return itemFailure(answer.kind, answer.message, true);
  const text = answer.texts[0]!;
  const parsed = parseQuestionsAnswer(text);
  if (!parsed.ok)
    return itemFailure("unparsable", `${parsed.reason}. The answer was: ${rawExcerpt(text)}`, true);
  const executed = await Promise.all(
    parsed.questions.map(async (q) => ({ ...q, result: await ctx.pool.run(file, q.sql, EXEC_LIMITS) })),
  );
  return {
    ok: true,
    write: async (tx) => {
      const existing = await tx.sftSample.findMany({
        where: { databaseId: database.id },
        select: { question: true, sql: true },
      });
      const filter = new NearDuplicateFilter(existing);
      const counts = {
        written: parsed.questions.length + parsed.invalid.length,
        invalid: parsed.invalid.length,
        duplicates: 0,
        queued: 0,
        failedExecution: 0,
      };
      const rows = [];
      for (const q of executed) {
        if (filter.check(q)) {
          counts.duplicates++;
          continue;
        }
        const r = q.result;
        if (r.ok) counts.queued++;
        else counts.failedExecution++;
        rows.push({
          databaseId: database.id,
          jobId: ctx.jobId,
          question: q.question,
          evidence: q.evidence || null,
          sql: q.sql,
          normalizedSql: normalizeSql(q.sql),
          difficulty: payload.difficulty,
          origin: "strong",
          execStatus: r.ok ? "ok" : r.kind === "timeout" ? "timeout" : "error",
          execError: r.ok ? null : r.message,
          resultJson: r.ok ? JSON.stringify(displayResult(r, RESULT_PREVIEW_ROWS)) : null,
          status: r.ok ? "pending" : "discarded",
        });
      }
      if (rows.length)
        await tx.sftSample.createMany({ data: rows.map((row) => ({ ...row, id: newRowId() })) }); // one INSERT, in order
      return counts;
    },
  };
}
