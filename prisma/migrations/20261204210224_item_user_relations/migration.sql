-- Who holds an item's lease and who reviewed it become foreign keys to users with ON DELETE SET
-- NULL on sft_samples and preference_pairs (issue 16, item 7, after 20261204184121_starter_relations),
-- so the item views read the reviewer's name through a join, and a deleted account's leases go back
-- to the queue while its decisions stay, unattributed. reviewed_by_id gets an index so deleting an
-- account finds its decisions without a scan (lease_owner_id has one).
-- SQLite cannot add a foreign key to a column: both tables are rebuilt (Prisma's pattern below).

-- Rows naming an account that no longer exists would break the new keys: release such leases (as a
-- skip does: owner and expiry) and unattribute such decisions first. The counter triggers do not
-- watch these columns.
UPDATE "sft_samples" SET "lease_owner_id" = NULL, "lease_expires_at" = NULL WHERE "lease_owner_id" IS NOT NULL AND "lease_owner_id" NOT IN (SELECT "id" FROM "users");
UPDATE "sft_samples" SET "reviewed_by_id" = NULL WHERE "reviewed_by_id" IS NOT NULL AND "reviewed_by_id" NOT IN (SELECT "id" FROM "users");
UPDATE "preference_pairs" SET "lease_owner_id" = NULL, "lease_expires_at" = NULL WHERE "lease_owner_id" IS NOT NULL AND "lease_owner_id" NOT IN (SELECT "id" FROM "users");
UPDATE "preference_pairs" SET "reviewed_by_id" = NULL WHERE "reviewed_by_id" IS NOT NULL AND "reviewed_by_id" NOT IN (SELECT "id" FROM "users");

-- RedefineTables. Triggers on other tables read or write "preference_pairs" (tasks_delete_pairs_first,
-- tasks_move_curated_pairs, jobs_detach_pairs_first): with the legacy rename, SQLite does not re-check
-- them while the table is briefly missing; they name the rebuilt table once it has the name again.
-- Copying into the new tables fires no trigger (they have none yet), so the counters stay as they are.
PRAGMA legacy_alter_table=ON;
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_preference_pairs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task_id" TEXT NOT NULL,
    "job_id" TEXT,
    "chosen_sql" TEXT NOT NULL,
    "chosen_source" TEXT NOT NULL,
    "chosen_candidate_id" TEXT,
    "rejected_sql" TEXT NOT NULL,
    "rejected_candidate_id" TEXT,
    "final_chosen_sql" TEXT,
    "final_rejected_sql" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reject_reason" TEXT,
    "reject_note" TEXT,
    "lease_owner_id" TEXT,
    "lease_expires_at" DATETIME,
    "reviewed_by_id" TEXT,
    "reviewed_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "preference_pairs_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "preference_pairs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "preference_pairs_chosen_candidate_id_fkey" FOREIGN KEY ("chosen_candidate_id") REFERENCES "candidates" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "preference_pairs_rejected_candidate_id_fkey" FOREIGN KEY ("rejected_candidate_id") REFERENCES "candidates" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "preference_pairs_lease_owner_id_fkey" FOREIGN KEY ("lease_owner_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "preference_pairs_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_preference_pairs" ("chosen_candidate_id", "chosen_source", "chosen_sql", "created_at", "final_chosen_sql", "final_rejected_sql", "id", "job_id", "lease_expires_at", "lease_owner_id", "reject_note", "reject_reason", "rejected_candidate_id", "rejected_sql", "reviewed_at", "reviewed_by_id", "status", "task_id") SELECT "chosen_candidate_id", "chosen_source", "chosen_sql", "created_at", "final_chosen_sql", "final_rejected_sql", "id", "job_id", "lease_expires_at", "lease_owner_id", "reject_note", "reject_reason", "rejected_candidate_id", "rejected_sql", "reviewed_at", "reviewed_by_id", "status", "task_id" FROM "preference_pairs";
DROP TABLE "preference_pairs";
ALTER TABLE "new_preference_pairs" RENAME TO "preference_pairs";
CREATE INDEX "preference_pairs_status_created_at_idx" ON "preference_pairs"("status", "created_at");
CREATE INDEX "preference_pairs_status_id_idx" ON "preference_pairs"("status", "id");
CREATE INDEX "preference_pairs_lease_owner_id_idx" ON "preference_pairs"("lease_owner_id");
CREATE INDEX "preference_pairs_reviewed_by_id_idx" ON "preference_pairs"("reviewed_by_id");
CREATE INDEX "preference_pairs_job_id_idx" ON "preference_pairs"("job_id");
CREATE INDEX "preference_pairs_task_id_idx" ON "preference_pairs"("task_id");
CREATE INDEX "preference_pairs_chosen_candidate_id_idx" ON "preference_pairs"("chosen_candidate_id");
CREATE INDEX "preference_pairs_rejected_candidate_id_idx" ON "preference_pairs"("rejected_candidate_id");
CREATE TABLE "new_sft_samples" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "database_id" TEXT NOT NULL,
    "task_id" TEXT,
    "job_id" TEXT,
    "question" TEXT NOT NULL,
    "evidence" TEXT,
    "sql" TEXT NOT NULL,
    "normalized_sql" TEXT,
    "difficulty" TEXT,
    "origin" TEXT NOT NULL,
    "exec_status" TEXT NOT NULL,
    "exec_error" TEXT,
    "result_json" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "edited_question" TEXT,
    "edited_sql" TEXT,
    "edited_result_json" TEXT,
    "reject_reason" TEXT,
    "reject_note" TEXT,
    "lease_owner_id" TEXT,
    "lease_expires_at" DATETIME,
    "reviewed_by_id" TEXT,
    "reviewed_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sft_samples_database_id_fkey" FOREIGN KEY ("database_id") REFERENCES "target_databases" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_lease_owner_id_fkey" FOREIGN KEY ("lease_owner_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_sft_samples" ("created_at", "database_id", "difficulty", "edited_question", "edited_result_json", "edited_sql", "evidence", "exec_error", "exec_status", "id", "job_id", "lease_expires_at", "lease_owner_id", "normalized_sql", "origin", "question", "reject_note", "reject_reason", "result_json", "reviewed_at", "reviewed_by_id", "sql", "status", "task_id") SELECT "created_at", "database_id", "difficulty", "edited_question", "edited_result_json", "edited_sql", "evidence", "exec_error", "exec_status", "id", "job_id", "lease_expires_at", "lease_owner_id", "normalized_sql", "origin", "question", "reject_note", "reject_reason", "result_json", "reviewed_at", "reviewed_by_id", "sql", "status", "task_id" FROM "sft_samples";
DROP TABLE "sft_samples";
ALTER TABLE "new_sft_samples" RENAME TO "sft_samples";
CREATE INDEX "sft_samples_status_exec_status_created_at_idx" ON "sft_samples"("status", "exec_status", "created_at");
CREATE INDEX "sft_samples_status_id_idx" ON "sft_samples"("status", "id");
CREATE INDEX "sft_samples_lease_owner_id_idx" ON "sft_samples"("lease_owner_id");
CREATE INDEX "sft_samples_reviewed_by_id_idx" ON "sft_samples"("reviewed_by_id");
CREATE INDEX "sft_samples_job_id_idx" ON "sft_samples"("job_id");
CREATE INDEX "sft_samples_database_id_normalized_sql_idx" ON "sft_samples"("database_id", "normalized_sql");
CREATE INDEX "sft_samples_task_id_idx" ON "sft_samples"("task_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
PRAGMA legacy_alter_table=OFF;

-- Dropping the two tables dropped their triggers: made again as they were, the counters of
-- 20261202005637_store_counters (the pairs' as 20261204183900_pair_origin_counters redefined them)
-- and the hourly ones of 20261202141500_throughput_counters.
CREATE TRIGGER "preference_pairs_count_delete" AFTER DELETE ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', OLD.status, -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = OLD.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = OLD.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = OLD.rejected_candidate_id), ''), -1 WHERE OLD.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || OLD.job_id, 'pair:' || OLD.status, -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_count_insert" AFTER INSERT ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'pair.status', NEW.status, 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'curated.pairs', coalesce((SELECT coalesce(t.difficulty, t.hardness) FROM tasks t WHERE t.id = NEW.task_id), '') || char(31) || coalesce((SELECT j.kind FROM jobs j WHERE j.id = NEW.job_id), (SELECT CASE c.source WHEN 'weak-model' THEN 'weak' WHEN 'mutation' THEN 'mutation' END FROM candidates c WHERE c.id = NEW.rejected_candidate_id), ''), 1 WHERE NEW.status IN ('accepted', 'edited')
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'job:' || NEW.job_id, 'pair:' || NEW.status, 1 WHERE NEW.job_id IS NOT NULL
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

CREATE TRIGGER "preference_pairs_hour_delete" AFTER DELETE ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(OLD.created_at, 1, 13) || char(31) || 'pair', -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "preference_pairs_hour_insert" AFTER INSERT ON "preference_pairs" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(NEW.created_at, 1, 13) || char(31) || 'pair', 1 WHERE 1
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

CREATE TRIGGER "sft_samples_hour_delete" AFTER DELETE ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(OLD.created_at, 1, 13) || char(31) || 'sft', -1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "sft_samples_hour_insert" AFTER INSERT ON "sft_samples" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'synth.hour', substr(NEW.created_at, 1, 13) || char(31) || 'sft', 1 WHERE 1
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;
