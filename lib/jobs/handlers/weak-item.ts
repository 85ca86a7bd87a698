import "server-only";
import type { Provider } from "@/lib/generated/prisma/client";
import type { WeakJobConfig } from "@/lib/jobs/job-config";
import { readTaskContext } from "@/lib/jobs/handlers/task-context";
import { itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import { sqlTime } from "@/lib/store/sql-time";
import { newRowId } from "@/lib/jobs/row-ids";
import { extractSql } from "@/lib/llm/extract-sql";
import { capStoredText } from "@/lib/llm/stored-text";
import { isEngineFailure, type ExecPool } from "@/lib/sql/exec/exec-pool";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { candidateLabels, isDegenerate } from "@/lib/sql/label-checks/candidate-labels";
import { storedFlags } from "@/lib/sql/label-checks/label-flags";
import { sampleModelTexts } from "@/lib/synthesis/model-text";
import { renderModelPrompt } from "@/lib/synthesis/prompt-files";
import {
  planPreferencePairs,
  verdictKind,
  type JudgedCandidate,
} from "@/lib/synthesis/weak/preference-pairs";

export type WeakStepContext = {
  jobId: string;
  config: WeakJobConfig;
  prompt: string;
  provider: Provider;
  pool: ExecPool;
};

const EXEC_LIMITS = { timeoutMs: 10_000, maxRows: 100_000, maxBytes: 64 * 1024 * 1024 };

/**
 * One task of a weak job: the weak model answers k times; every answer is executed and compared with
 * the gold result; candidates are stored with their verdict and the wrong ones become rejected
 * sides of preference pairs, queued for review.
 */
export async function processWeakItem(
  payload: { taskId: string },
  ctx: WeakStepContext,
): Promise<ItemOutcome> {
  const task = await readTaskContext(payload.taskId);
  if (!task) return itemFailure("missing_task", `Task ${payload.taskId} no longer exists.`);
  const { dbFile } = task.database;
  if (!dbFile) return itemFailure("missing_database", `${task.database.name} has no database file.`);
  const messages = renderModelPrompt(ctx.prompt, {
    schema: task.database.ddl ?? "(schema unknown)",
    evidence: task.evidence ? `Evidence: ${task.evidence}\n` : "",
    question: task.question,
  });
  // each answer is read once (the call's record and the candidate share the reading)
  const readings = new Map<string, ReturnType<typeof extractSql>>();
  const read = (text: string) => readings.get(text) ?? readings.set(text, extractSql(text)).get(text)!;
  const unparsable = (text: string) => {
    const parsed = read(text);
    return parsed.ok ? null : parsed.reason;
  };
  const answers = await sampleModelTexts(ctx.provider, ctx.jobId, messages, ctx.config.samples, {
    temperature: ctx.config.temperature,
    unparsable,
  });
  if (!answers.ok) return itemFailure(answers.kind, answers.message, true);

  const extracted = answers.texts.map((text) => ({ text, parsed: read(text) }));
  const runnable = extracted.flatMap((e, index) => (e.parsed.ok ? [{ index, sql: e.parsed.sql }] : []));
  const [judged] = runnable.length
    ? await ctx.pool.judge(
        [{ dbFile, goldSql: task.goldSql, candidates: runnable.map((r) => r.sql) }],
        ctx.config.metric,
        EXEC_LIMITS,
      )
    : [];
  if (isEngineFailure(judged?.goldError))
    return itemFailure("engine_error", judged!.goldError!.message, true);
  if (judged?.goldError)
    return itemFailure("gold_error", `The gold SQL does not run: ${judged.goldError.message}`);

  const candidates = extracted.map((e, index) => {
    const at = runnable.findIndex((r) => r.index === index);
    const verdict = at === -1 ? null : judged!.verdicts[at]!;
    const labels = verdict && e.parsed.ok ? candidateLabels(e.parsed.sql, verdict) : null;
    return {
      index,
      rawText: capStoredText(e.text),
      sql: e.parsed.ok ? e.parsed.sql : null,
      verdict: verdict ? verdictKind(verdict) : "unparsable",
      error: e.parsed.ok ? (verdict?.predError?.message ?? null) : e.parsed.reason, // the failure's words; its kind is the verdict
      flags: storedFlags(labels?.flags ?? []),
      errorClass: labels?.errorClass ?? null,
      degenerate: isDegenerate(labels?.flags ?? []),
      flagged: Boolean(labels?.flags.length),
    } satisfies JudgedCandidate & {
      rawText: string;
      error: string | null;
      flags: string | null;
      errorClass: string | null;
    };
  });
  const pairs = planPreferencePairs(task.goldSql, candidates, {
    chosen: ctx.config.chosen,
    maxPairs: ctx.config.maxPairsPerTask,
  });
  return {
    ok: true,
    write: {
      rows: (rows) => {
        // rows for one INSERT of the candidates and one of the pairs of every item ending in this
        // transaction (ids made here, so pairs can point at them; candidates are named first)
        const ids = candidates.map(() => newRowId());
        const now = sqlTime(new Date());
        rows.insert(
          "candidates",
          [
            "id",
            "task_id",
            "job_id",
            "source",
            "raw_text",
            "sql",
            "normalized_sql",
            "verdict",
            "error",
            "flags",
            "error_class",
            "created_at",
          ],
          candidates.map((c, i) => [
            ids[i],
            task.id,
            ctx.jobId,
            "weak-model",
            c.rawText,
            c.sql,
            c.sql ? normalizeSql(c.sql) : null,
            c.verdict,
            c.error,
            c.flags,
            c.errorClass,
            now,
          ]),
        );
        rows.insert(
          "preference_pairs",
          [
            "id",
            "task_id",
            "job_id",
            "chosen_sql",
            "chosen_source",
            "chosen_candidate_id",
            "rejected_sql",
            "rejected_candidate_id",
            "status",
            "created_at",
          ],
          pairs.map((p) => [
            newRowId(),
            task.id,
            ctx.jobId,
            p.chosenSql,
            p.chosenSource,
            p.chosenIndex === null ? null : ids[p.chosenIndex]!,
            p.rejectedSql,
            ids[p.rejectedIndex]!,
            "pending",
            now,
          ]),
        );
        const byVerdict: Record<string, number> = {};
        for (const c of candidates) byVerdict[c.verdict] = (byVerdict[c.verdict] ?? 0) + 1;
        return { candidates: byVerdict, pairs: pairs.length };
      },
    },
  };
}
