import type Database from "better-sqlite3";

// The store's counters recounted from the tables themselves (written apart from the triggers that
// keep them), for tests that expect the kept counters to match.
const SEP = "char(31)";
export const RECOUNT_SQL = `
  SELECT 'sft.status' AS scope, status AS key, count(*) AS n FROM sft_samples GROUP BY 2
  UNION ALL SELECT 'pair.status', status, count(*) FROM preference_pairs GROUP BY 2
  UNION ALL SELECT 'strong.exec', exec_status, count(*) FROM sft_samples WHERE origin = 'strong' GROUP BY 2
  UNION ALL SELECT 'strong.rows', '', count(*) FROM sft_samples WHERE origin = 'strong' AND json_extract(result_json, '$.rowCount') > 0
  UNION ALL SELECT 'curated.sft', coalesce(difficulty, '') || ${SEP} || database_id, count(*) FROM sft_samples WHERE status IN ('accepted', 'edited') GROUP BY 2
  UNION ALL SELECT 'curated.pairs', coalesce(coalesce(t.difficulty, t.hardness), '') || ${SEP} || coalesce(j.kind, CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END, ''), count(*)
    FROM preference_pairs p JOIN tasks t ON t.id = p.task_id LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id
    WHERE p.status IN ('accepted', 'edited') GROUP BY 2
  UNION ALL SELECT 'candidate.verdict', source || ${SEP} || verdict, count(*) FROM candidates GROUP BY 2
  UNION ALL SELECT 'job:' || job_id, 'pair:' || status, count(*) FROM preference_pairs WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'sft:' || status, count(*) FROM sft_samples WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'calls', count(*) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1
  UNION ALL SELECT 'job:' || job_id, 'sample:' || exec_status, count(*) FROM sft_samples WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'job:' || job_id, 'failed:' || coalesce(error_kind, 'unknown'), count(*) FROM job_items WHERE status = 'failed' GROUP BY 1, 2
  UNION ALL SELECT 'tasks', database_id || ${SEP} || split || ${SEP} || origin || ${SEP} || coalesce(difficulty, '') || ${SEP} || coalesce(hardness, ''), count(*) FROM tasks GROUP BY 2
  UNION ALL SELECT 'review.day', substr(created_at, 1, 10) || ${SEP} || coalesce(user_id, '') || ${SEP} || 'decided', count(*) FROM review_actions WHERE action <> 'undo' AND undone_at IS NULL GROUP BY 2
  UNION ALL SELECT 'review.day', substr(created_at, 1, 10) || ${SEP} || coalesce(user_id, '') || ${SEP} || 'accepted', count(*) FROM review_actions WHERE action IN ('accept', 'edit', 'swap') AND undone_at IS NULL GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'sft', count(*) FROM sft_samples GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'pair', count(*) FROM preference_pairs GROUP BY 2
  UNION ALL SELECT 'synth.hour', substr(created_at, 1, 13) || ${SEP} || 'candidate', count(*) FROM candidates GROUP BY 2
  UNION ALL SELECT 'job:' || job_id, 'candidate:' || verdict, count(*) FROM candidates WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'calls', count(*) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'failed', count(*) FROM model_calls WHERE job_id IS NOT NULL AND status <> 'ok' GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'tokens', sum(prompt_tokens + completion_tokens) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'jobcalls:' || job_id, substr(created_at, 1, 13) || ${SEP} || 'microusd', sum(CAST(round(cost_usd * 1000000) AS INTEGER)) FROM model_calls WHERE job_id IS NOT NULL GROUP BY 1, 2
  UNION ALL SELECT 'review.hour', substr(created_at, 1, 13), count(*) FROM review_actions WHERE action <> 'undo' AND undone_at IS NULL GROUP BY 2`;

type CounterRow = { scope: string; key: string; n: number };
const asMap = (rows: CounterRow[]) =>
  Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.scope} ${r.key}`, r.n]));

/** The counters the triggers kept ("scope key" -> n, zeros left out) and the same recounted from the tables. */
export function keptAndRecounted(db: Database.Database): {
  kept: Record<string, number>;
  recounted: Record<string, number>;
} {
  return {
    kept: asMap(db.prepare("SELECT scope, key, n FROM store_counters").all() as CounterRow[]),
    recounted: asMap(db.prepare(RECOUNT_SQL).all() as CounterRow[]),
  };
}
