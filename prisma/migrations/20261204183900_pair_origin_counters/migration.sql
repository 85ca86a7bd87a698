-- A curated pair's origin in the Overview's counters is the one definition of lib/items/item-facets.ts
-- (pairOrigin): its job's kind, else (its job deleted) what its rejected answer came from
-- (weak-model → weak, mutation → mutation), else '' (shown as "imported"). The counters first keyed
-- the job's kind only, so a deleted job's pairs moved to "imported" while the review and export
-- filters still called them weak or mutation. The triggers that key 'curated.pairs' are made again
-- with that rule (a pair's rejected candidate can change too: deleting it sets the pair's column to
-- NULL), and the scope is counted afresh from the tables.

DROP TRIGGER IF EXISTS "preference_pairs_count_insert";
DROP TRIGGER IF EXISTS "preference_pairs_count_delete";
DROP TRIGGER IF EXISTS "preference_pairs_count_update";
DROP TRIGGER IF EXISTS "tasks_move_curated_pairs";

CREATE TRIGGER "preference_pairs_count_insert" AFTER INSERT ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = NEW.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = NEW.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = NEW.rejected_candidate_id), ''), 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'pair:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_delete" AFTER DELETE ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = OLD.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = OLD.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = OLD.rejected_candidate_id), ''), -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'pair:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_update" AFTER UPDATE OF status, task_id, job_id, rejected_candidate_id ON "preference_pairs"
  WHEN OLD.status IS NOT NEW.status OR OLD.task_id IS NOT NEW.task_id OR OLD.job_id IS NOT NEW.job_id OR OLD.rejected_candidate_id IS NOT NEW.rejected_candidate_id BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = OLD.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = OLD.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = OLD.rejected_candidate_id), ''), -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'pair:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = NEW.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = NEW.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = NEW.rejected_candidate_id), ''), 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'pair:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_move_curated_pairs" AFTER UPDATE OF difficulty, hardness ON "tasks"
  WHEN coalesce(OLD.difficulty, OLD.hardness) IS NOT coalesce(NEW.difficulty, NEW.hardness) BEGIN
    INSERT INTO store_counters (scope, key, n)
      SELECT 'curated.pairs', coalesce(coalesce(OLD.difficulty, OLD.hardness), '') || char(31) || coalesce(j.kind, CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END, ''), -count(*)
      FROM preference_pairs p LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id
      WHERE p.task_id = OLD.id AND p.status IN ('accepted', 'edited') GROUP BY 2
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n)
      SELECT 'curated.pairs', coalesce(coalesce(NEW.difficulty, NEW.hardness), '') || char(31) || coalesce(j.kind, CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END, ''), count(*)
      FROM preference_pairs p LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id
      WHERE p.task_id = NEW.id AND p.status IN ('accepted', 'edited') GROUP BY 2
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

DELETE FROM store_counters WHERE scope = 'curated.pairs';
INSERT INTO store_counters (scope, key, n)
  SELECT 'curated.pairs', coalesce(coalesce(t.difficulty, t.hardness), '') || char(31) || coalesce(j.kind, CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END, ''), count(*)
  FROM preference_pairs p JOIN tasks t ON t.id = p.task_id LEFT JOIN jobs j ON j.id = p.job_id LEFT JOIN candidates c ON c.id = p.rejected_candidate_id
  WHERE p.status IN ('accepted', 'edited') GROUP BY 2;
