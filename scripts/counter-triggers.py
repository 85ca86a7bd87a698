# Writes the counter triggers of prisma/migrations/20261202005637_store_counters (dev tool; its output is
# committed as SQL). A later migration that redefines a counted table drops its triggers: append this
# output for that table to the migration (the test in lib/store/store-counters.test.ts fails until then).
# Usage: python3 scripts/counter-triggers.py > triggers.sql
SEP = "char(31)"
def k(*parts): return f" || {SEP} || ".join(parts)
T = {
 "sft_samples": {
   "cols": ["status","exec_status","origin","result_json","difficulty","database_id","job_id"],
   "c": [
     ("'sft.status'", "R.status", "1"),
     ("'strong.exec'", "R.exec_status", "R.origin = 'strong'"),
     ("'strong.rows'", "''", "R.origin = 'strong' AND json_valid(R.result_json) AND json_extract(R.result_json, '$.rowCount') > 0"),
     ("'curated.sft'", k("coalesce(R.difficulty, '')", "R.database_id"), "R.status IN ('accepted', 'edited')"),
     ("'job:' || R.job_id", "'sample:' || R.exec_status", "R.job_id IS NOT NULL"),
     ("'job:' || R.job_id", "'sft:' || R.status", "R.job_id IS NOT NULL"),
   ]},
 "preference_pairs": {
   "cols": ["status","task_id","job_id"],
   "c": [
     ("'pair.status'", "R.status", "1"),
     ("'curated.pairs'", k("coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = R.task_id), '')", "coalesce((SELECT j.kind FROM jobs j WHERE j.id = R.job_id), '')"), "R.status IN ('accepted', 'edited')"),
     ("'job:' || R.job_id", "'pair:' || R.status", "R.job_id IS NOT NULL"),
   ]},
 "candidates": {"cols": ["source","verdict"], "c": [("'candidate.verdict'", k("R.source","R.verdict"), "1")]},
 "model_calls": {"cols": ["job_id"], "c": [("'job:' || R.job_id", "'calls'", "R.job_id IS NOT NULL")]},
 "job_items": {"cols": ["status","error_kind","job_id"], "c": [("'job:' || R.job_id", "'failed:' || coalesce(R.error_kind, 'unknown')", "R.status = 'failed'")]},
 "tasks": {"cols": ["database_id","split","origin","difficulty","hardness"], "c": [("'tasks'", k("R.database_id","R.split","R.origin","coalesce(R.difficulty, '')","coalesce(R.hardness, '')"), "1")]},
 "review_actions": {"cols": ["action","undone_at","user_id","created_at"], "c": [
     ("'review.day'", k("substr(R.created_at, 1, 10)", "coalesce(R.user_id, '')", "'decided'"), "R.action <> 'undo' AND R.undone_at IS NULL"),
     ("'review.day'", k("substr(R.created_at, 1, 10)", "coalesce(R.user_id, '')", "'accepted'"), "R.action IN ('accept', 'edit', 'swap') AND R.undone_at IS NULL"),
 ]},
}
def upsert(scope, key, d, cond, row):
    r = lambda s: s.replace("R.", f"{row}.")
    return (f"    INSERT INTO store_counters (scope, key, n) SELECT {r(scope)}, {r(key)}, {d} WHERE {r(cond)}\n"
            f"      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;")
out = ["-- Counters kept by triggers, in the same transaction as every change (generated; see schema.prisma's StoreCounter).",
       "-- Each counted table adds its rows' contributions on INSERT, takes them back on DELETE, and moves them on an",
       "-- UPDATE of a counted column. Keys join several values with char(31); NULL is ''.", ""]
for t, spec in T.items():
    c = spec["c"]
    out.append(f"CREATE TRIGGER \"{t}_count_insert\" AFTER INSERT ON \"{t}\" BEGIN")
    out += [upsert(s,kk,"1",cd,"NEW") for s,kk,cd in c]
    out.append("END;\n")
    out.append(f"CREATE TRIGGER \"{t}_count_delete\" AFTER DELETE ON \"{t}\" BEGIN")
    out += [upsert(s,kk,"-1",cd,"OLD") for s,kk,cd in c]
    out.append("END;\n")
    cols = spec["cols"]
    when = " OR ".join(f"OLD.{x} IS NOT NEW.{x}" for x in cols)
    out.append(f"CREATE TRIGGER \"{t}_count_update\" AFTER UPDATE OF {', '.join(cols)} ON \"{t}\" WHEN {when} BEGIN")
    out += [upsert(s,kk,"-1",cd,"OLD") for s,kk,cd in c]
    out += [upsert(s,kk,"1",cd,"NEW") for s,kk,cd in c]
    out.append("END;\n")
# pairs' curated key reads their task and job: a task's difficulty change moves its curated pairs, and
# a task or job deleted first lets its pairs' triggers run while the row they read is still there
out.append("""CREATE TRIGGER "tasks_move_curated_pairs" AFTER UPDATE OF difficulty, hardness ON "tasks"
  WHEN coalesce(OLD.difficulty, OLD.hardness) IS NOT coalesce(NEW.difficulty, NEW.hardness) BEGIN
    INSERT INTO store_counters (scope, key, n)
      SELECT 'curated.pairs', coalesce(coalesce(OLD.difficulty, OLD.hardness), '') || char(31) || coalesce(j.kind, ''), -count(*)
      FROM preference_pairs p LEFT JOIN jobs j ON j.id = p.job_id WHERE p.task_id = OLD.id AND p.status IN ('accepted', 'edited') GROUP BY j.kind
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n)
      SELECT 'curated.pairs', coalesce(coalesce(NEW.difficulty, NEW.hardness), '') || char(31) || coalesce(j.kind, ''), count(*)
      FROM preference_pairs p LEFT JOIN jobs j ON j.id = p.job_id WHERE p.task_id = NEW.id AND p.status IN ('accepted', 'edited') GROUP BY j.kind
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_delete_pairs_first" BEFORE DELETE ON "tasks" BEGIN
    DELETE FROM preference_pairs WHERE task_id = OLD.id;
END;

CREATE TRIGGER "jobs_detach_pairs_first" BEFORE DELETE ON "jobs" BEGIN
    UPDATE preference_pairs SET job_id = NULL WHERE job_id = OLD.id;
END;
""")
# the counts of what is already stored
out.append("-- The counts of the rows already stored.")
parts = []
for t, spec in T.items():
    for s,kk,cd in spec["c"]:
        r = lambda x: x.replace("R.", "x.")
        parts.append(f"  SELECT {r(s)} AS scope, {r(kk)} AS key, 1 AS d FROM \"{t}\" x WHERE {r(cd)}")
out.append("INSERT INTO store_counters (scope, key, n)\nSELECT scope, key, sum(d) FROM (\n" + "\n  UNION ALL\n".join(parts) + "\n) WHERE true GROUP BY scope, key;")
print("\n".join(out))
