-- DropIndex
DROP INDEX "audit_events_user_id_created_at_idx";

-- DropIndex
DROP INDEX "audit_events_created_at_idx";

-- DropIndex
DROP INDEX "review_actions_user_id_created_at_idx";

-- DropIndex
DROP INDEX "tasks_difficulty_idx";

-- DropIndex
DROP INDEX "tasks_split_origin_idx";

-- CreateTable
CREATE TABLE "store_counters" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("scope", "key")
);

-- CreateIndex
CREATE INDEX "audit_events_created_at_id_idx" ON "audit_events"("created_at", "id");

-- CreateIndex
CREATE INDEX "audit_events_user_id_created_at_id_idx" ON "audit_events"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "jobs_created_at_id_idx" ON "jobs"("created_at", "id");

-- CreateIndex
CREATE INDEX "review_actions_user_id_created_at_id_idx" ON "review_actions"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "review_actions_created_at_id_idx" ON "review_actions"("created_at", "id");

-- CreateIndex
CREATE INDEX "tasks_database_id_id_idx" ON "tasks"("database_id", "id");

-- CreateIndex
CREATE INDEX "tasks_split_id_idx" ON "tasks"("split", "id");

-- CreateIndex
CREATE INDEX "tasks_origin_id_idx" ON "tasks"("origin", "id");

-- CreateIndex
CREATE INDEX "tasks_difficulty_id_idx" ON "tasks"("difficulty", "id");

-- CreateIndex
CREATE INDEX "tasks_hardness_id_idx" ON "tasks"("hardness", "id");
-- Counters kept by triggers, in the same transaction as every change (generated; see schema.prisma's StoreCounter).
-- Each counted table adds its rows' contributions on INSERT, takes them back on DELETE, and moves them on an
-- UPDATE of a counted column. Keys join several values with char(31); NULL is ''.

CREATE TRIGGER "sft_samples_count_insert" AFTER INSERT ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'sft.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.exec', NEW.exec_status, 1 WHERE NEW.origin = 'strong'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.rows', '', 1 WHERE NEW.origin = 'strong' AND json_valid(NEW.result_json) AND json_extract(NEW.result_json, '$.rowCount') > 0
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.sft', coalesce(NEW.difficulty, '') || char(31) || NEW.database_id, 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'sample:' || NEW.exec_status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'sft:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "sft_samples_count_delete" AFTER DELETE ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'sft.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.exec', OLD.exec_status, -1 WHERE OLD.origin = 'strong'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.rows', '', -1 WHERE OLD.origin = 'strong' AND json_valid(OLD.result_json) AND json_extract(OLD.result_json, '$.rowCount') > 0
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.sft', coalesce(OLD.difficulty, '') || char(31) || OLD.database_id, -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'sample:' || OLD.exec_status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'sft:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "sft_samples_count_update" AFTER UPDATE OF status, exec_status, origin, result_json, difficulty, database_id, job_id ON "sft_samples" WHEN OLD.status IS NOT NEW.status OR OLD.exec_status IS NOT NEW.exec_status OR OLD.origin IS NOT NEW.origin OR OLD.result_json IS NOT NEW.result_json OR OLD.difficulty IS NOT NEW.difficulty OR OLD.database_id IS NOT NEW.database_id OR OLD.job_id IS NOT NEW.job_id BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'sft.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.exec', OLD.exec_status, -1 WHERE OLD.origin = 'strong'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.rows', '', -1 WHERE OLD.origin = 'strong' AND json_valid(OLD.result_json) AND json_extract(OLD.result_json, '$.rowCount') > 0
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.sft', coalesce(OLD.difficulty, '') || char(31) || OLD.database_id, -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'sample:' || OLD.exec_status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'sft:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'sft.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.exec', NEW.exec_status, 1 WHERE NEW.origin = 'strong'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'strong.rows', '', 1 WHERE NEW.origin = 'strong' AND json_valid(NEW.result_json) AND json_extract(NEW.result_json, '$.rowCount') > 0
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.sft', coalesce(NEW.difficulty, '') || char(31) || NEW.database_id, 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'sample:' || NEW.exec_status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'sft:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_insert" AFTER INSERT ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = NEW.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = NEW.job_id), ''), 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'pair:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_delete" AFTER DELETE ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = OLD.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = OLD.job_id), ''), -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'pair:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_update" AFTER UPDATE OF status, task_id, job_id ON "preference_pairs" WHEN OLD.status IS NOT NEW.status OR OLD.task_id IS NOT NEW.task_id OR OLD.job_id IS NOT NEW.job_id BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = OLD.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = OLD.job_id), ''), -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'pair:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = NEW.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = NEW.job_id), ''), 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'pair:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_count_insert" AFTER INSERT ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'candidate.verdict', NEW.source || char(31) || NEW.verdict, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_count_delete" AFTER DELETE ON "candidates" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'candidate.verdict', OLD.source || char(31) || OLD.verdict, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "candidates_count_update" AFTER UPDATE OF source, verdict ON "candidates" WHEN OLD.source IS NOT NEW.source OR OLD.verdict IS NOT NEW.verdict BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'candidate.verdict', OLD.source || char(31) || OLD.verdict, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'candidate.verdict', NEW.source || char(31) || NEW.verdict, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "model_calls_count_insert" AFTER INSERT ON "model_calls" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'calls', 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "model_calls_count_delete" AFTER DELETE ON "model_calls" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'calls', -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "model_calls_count_update" AFTER UPDATE OF job_id ON "model_calls" WHEN OLD.job_id IS NOT NEW.job_id BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'calls', -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'calls', 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "job_items_count_insert" AFTER INSERT ON "job_items" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'failed:' || coalesce(NEW.error_kind, 'unknown'), 1 WHERE NEW.status = 'failed'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "job_items_count_delete" AFTER DELETE ON "job_items" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'failed:' || coalesce(OLD.error_kind, 'unknown'), -1 WHERE OLD.status = 'failed'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "job_items_count_update" AFTER UPDATE OF status, error_kind, job_id ON "job_items" WHEN OLD.status IS NOT NEW.status OR OLD.error_kind IS NOT NEW.error_kind OR OLD.job_id IS NOT NEW.job_id BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'failed:' || coalesce(OLD.error_kind, 'unknown'), -1 WHERE OLD.status = 'failed'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'failed:' || coalesce(NEW.error_kind, 'unknown'), 1 WHERE NEW.status = 'failed'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_count_insert" AFTER INSERT ON "tasks" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'tasks', NEW.database_id || char(31) || NEW.split || char(31) || NEW.origin || char(31) || coalesce(NEW.difficulty, '') || char(31) || coalesce(NEW.hardness, ''), 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_count_delete" AFTER DELETE ON "tasks" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'tasks', OLD.database_id || char(31) || OLD.split || char(31) || OLD.origin || char(31) || coalesce(OLD.difficulty, '') || char(31) || coalesce(OLD.hardness, ''), -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_count_update" AFTER UPDATE OF database_id, split, origin, difficulty, hardness ON "tasks" WHEN OLD.database_id IS NOT NEW.database_id OR OLD.split IS NOT NEW.split OR OLD.origin IS NOT NEW.origin OR OLD.difficulty IS NOT NEW.difficulty OR OLD.hardness IS NOT NEW.hardness BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'tasks', OLD.database_id || char(31) || OLD.split || char(31) || OLD.origin || char(31) || coalesce(OLD.difficulty, '') || char(31) || coalesce(OLD.hardness, ''), -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'tasks', NEW.database_id || char(31) || NEW.split || char(31) || NEW.origin || char(31) || coalesce(NEW.difficulty, '') || char(31) || coalesce(NEW.hardness, ''), 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_count_insert" AFTER INSERT ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'decided', 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'accepted', 1 WHERE NEW.action IN ('accept', 'edit', 'swap') AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_count_delete" AFTER DELETE ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'decided', -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'accepted', -1 WHERE OLD.action IN ('accept', 'edit', 'swap') AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_count_update" AFTER UPDATE OF action, undone_at, user_id, created_at ON "review_actions" WHEN OLD.action IS NOT NEW.action OR OLD.undone_at IS NOT NEW.undone_at OR OLD.user_id IS NOT NEW.user_id OR OLD.created_at IS NOT NEW.created_at BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'decided', -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'accepted', -1 WHERE OLD.action IN ('accept', 'edit', 'swap') AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'decided', 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'accepted', 1 WHERE NEW.action IN ('accept', 'edit', 'swap') AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "tasks_move_curated_pairs" AFTER UPDATE OF difficulty, hardness ON "tasks"
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

-- The counts of the rows already stored.
INSERT INTO store_counters (scope, key, n)
SELECT scope, key, sum(d) FROM (
  SELECT 'sft.status' AS scope, x.status AS key, 1 AS d FROM "sft_samples" x WHERE 1
  UNION ALL
  SELECT 'strong.exec' AS scope, x.exec_status AS key, 1 AS d FROM "sft_samples" x WHERE x.origin = 'strong'
  UNION ALL
  SELECT 'strong.rows' AS scope, '' AS key, 1 AS d FROM "sft_samples" x WHERE x.origin = 'strong' AND json_valid(x.result_json) AND json_extract(x.result_json, '$.rowCount') > 0
  UNION ALL
  SELECT 'curated.sft' AS scope, coalesce(x.difficulty, '') || char(31) || x.database_id AS key, 1 AS d FROM "sft_samples" x WHERE x.status IN ('accepted', 'edited')
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'sample:' || x.exec_status AS key, 1 AS d FROM "sft_samples" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'sft:' || x.status AS key, 1 AS d FROM "sft_samples" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'pair.status' AS scope, x.status AS key, 1 AS d FROM "preference_pairs" x WHERE 1
  UNION ALL
  SELECT 'curated.pairs' AS scope, coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = x.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = x.job_id), '') AS key, 1 AS d FROM "preference_pairs" x WHERE x.status IN ('accepted', 'edited')
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'pair:' || x.status AS key, 1 AS d FROM "preference_pairs" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'candidate.verdict' AS scope, x.source || char(31) || x.verdict AS key, 1 AS d FROM "candidates" x WHERE 1
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'calls' AS key, 1 AS d FROM "model_calls" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'job:' || x.job_id AS scope, 'failed:' || coalesce(x.error_kind, 'unknown') AS key, 1 AS d FROM "job_items" x WHERE x.status = 'failed'
  UNION ALL
  SELECT 'tasks' AS scope, x.database_id || char(31) || x.split || char(31) || x.origin || char(31) || coalesce(x.difficulty, '') || char(31) || coalesce(x.hardness, '') AS key, 1 AS d FROM "tasks" x WHERE 1
  UNION ALL
  SELECT 'review.day' AS scope, substr(x.created_at, 1, 10) || char(31) || coalesce(x.user_id, '') || char(31) || 'decided' AS key, 1 AS d FROM "review_actions" x WHERE x.action <> 'undo' AND x.undone_at IS NULL
  UNION ALL
  SELECT 'review.day' AS scope, substr(x.created_at, 1, 10) || char(31) || coalesce(x.user_id, '') || char(31) || 'accepted' AS key, 1 AS d FROM "review_actions" x WHERE x.action IN ('accept', 'edit', 'swap') AND x.undone_at IS NULL
) WHERE true GROUP BY scope, key;
