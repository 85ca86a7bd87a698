-- Counters of throughput over time, kept by triggers like those of 20261202005637_store_counters:
-- 'synth.hour' counts the items synthesized per hour (key: YYYY-MM-DDTHH, kind sft | pair | candidate),
-- 'review.hour' the review decisions per hour (same rule as review.day: undo and undone actions left out).
-- The overview reads a bounded window of them (an index range of store_counters), never the tables.

CREATE TRIGGER "sft_samples_hour_insert" AFTER INSERT ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(NEW.created_at, 1, 13) || char(31) || 'sft', 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "sft_samples_hour_delete" AFTER DELETE ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(OLD.created_at, 1, 13) || char(31) || 'sft', -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_hour_insert" AFTER INSERT ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(NEW.created_at, 1, 13) || char(31) || 'pair', 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_hour_delete" AFTER DELETE ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(OLD.created_at, 1, 13) || char(31) || 'pair', -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_hour_insert" AFTER INSERT ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(NEW.created_at, 1, 13) || char(31) || 'candidate', 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_hour_delete" AFTER DELETE ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(OLD.created_at, 1, 13) || char(31) || 'candidate', -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_insert" AFTER INSERT ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(NEW.created_at, 1, 13), 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_delete" AFTER DELETE ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(OLD.created_at, 1, 13), -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_update" AFTER UPDATE OF action, undone_at, created_at ON "review_actions" WHEN OLD.action IS NOT NEW.action OR OLD.undone_at IS NOT NEW.undone_at OR OLD.created_at IS NOT NEW.created_at BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(OLD.created_at, 1, 13), -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(NEW.created_at, 1, 13), 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

-- Per job: the candidate answers of a weak or mutation job by verdict ('job:<id>', 'candidate:<verdict>').
CREATE TRIGGER "candidates_job_insert" AFTER INSERT ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'candidate:' || NEW.verdict, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_job_delete" AFTER DELETE ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'candidate:' || OLD.verdict, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_job_update" AFTER UPDATE OF job_id, verdict ON "candidates" WHEN OLD.job_id IS NOT NEW.job_id OR OLD.verdict IS NOT NEW.verdict BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'candidate:' || OLD.verdict, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'candidate:' || NEW.verdict, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

-- The counts of the rows already stored.
INSERT INTO store_counters (scope, key, n)
SELECT scope, key, sum(d) FROM (
  SELECT 'synth.hour' AS scope, substr(x.created_at, 1, 13) || char(31) || 'sft' AS key, 1 AS d FROM "sft_samples" x WHERE 1
  UNION ALL
  SELECT 'synth.hour' AS scope, substr(x.created_at, 1, 13) || char(31) || 'pair' AS key, 1 AS d FROM "preference_pairs" x WHERE 1
  UNION ALL
  SELECT 'synth.hour' AS scope, substr(x.created_at, 1, 13) || char(31) || 'candidate' AS key, 1 AS d FROM "candidates" x WHERE 1
  UNION ALL
  SELECT 'review.hour' AS scope, substr(x.created_at, 1, 13) AS key, 1 AS d FROM "review_actions" x WHERE x.action <> 'undo' AND x.undone_at IS NULL
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'candidate:' || x.verdict AS key, 1 AS d FROM "candidates" x WHERE x.job_id IS NOT NULL
) WHERE true GROUP BY scope, key
ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
