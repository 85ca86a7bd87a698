-- Who started a job, an export or an import, and who lifted a sign-in lockout, become foreign keys
-- to users with ON DELETE SET NULL (issue 16, item 7, after the audit log's in 20261202195909), so
-- pages read the person's name through a join and a deleted account leaves the row unattributed.
-- SQLite cannot add a foreign key to a column: the four tables are rebuilt (Prisma's pattern below).

-- Rows naming an account that no longer exists would break the new keys: unattribute them first.
UPDATE "jobs" SET "created_by_id" = NULL WHERE "created_by_id" IS NOT NULL AND "created_by_id" NOT IN (SELECT "id" FROM "users");
UPDATE "exports" SET "created_by_id" = NULL WHERE "created_by_id" IS NOT NULL AND "created_by_id" NOT IN (SELECT "id" FROM "users");
UPDATE "import_runs" SET "created_by_id" = NULL WHERE "created_by_id" IS NOT NULL AND "created_by_id" NOT IN (SELECT "id" FROM "users");
UPDATE "sign_in_lockouts" SET "lifted_by_id" = NULL WHERE "lifted_by_id" IS NOT NULL AND "lifted_by_id" NOT IN (SELECT "id" FROM "users");

-- RedefineTables. Triggers on other tables read "jobs" (the counters' origin of a pair): with the
-- legacy rename, SQLite does not re-check them while "jobs" is briefly missing; they name the
-- rebuilt table once it has the name again.
PRAGMA legacy_alter_table=ON;
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_exports" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "filters_json" TEXT NOT NULL,
    "template_name" TEXT NOT NULL,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "file_path" TEXT,
    "file_sha256" TEXT,
    "manifest_json" TEXT,
    "error" TEXT,
    "app_version" TEXT NOT NULL,
    "created_by_id" TEXT,
    "owner_process" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    CONSTRAINT "exports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_exports" ("app_version", "created_at", "created_by_id", "error", "file_path", "file_sha256", "filters_json", "finished_at", "format", "id", "manifest_json", "owner_process", "row_count", "status", "template_name", "total_rows") SELECT "app_version", "created_at", "created_by_id", "error", "file_path", "file_sha256", "filters_json", "finished_at", "format", "id", "manifest_json", "owner_process", "row_count", "status", "template_name", "total_rows" FROM "exports";
DROP TABLE "exports";
ALTER TABLE "new_exports" RENAME TO "exports";
CREATE INDEX "exports_created_at_idx" ON "exports"("created_at");
CREATE TABLE "new_import_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "dir_path" TEXT NOT NULL,
    "split" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tasks_added" INTEGER NOT NULL DEFAULT 0,
    "tasks_skipped" INTEGER NOT NULL DEFAULT 0,
    "databases_added" INTEGER NOT NULL DEFAULT 0,
    "databases_missing" INTEGER NOT NULL DEFAULT 0,
    "report_json" TEXT,
    "error" TEXT,
    "created_by_id" TEXT,
    "owner_process" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    CONSTRAINT "import_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_import_runs" ("created_at", "created_by_id", "databases_added", "databases_missing", "dir_path", "error", "finished_at", "format", "id", "owner_process", "report_json", "split", "status", "tasks_added", "tasks_skipped") SELECT "created_at", "created_by_id", "databases_added", "databases_missing", "dir_path", "error", "finished_at", "format", "id", "owner_process", "report_json", "split", "status", "tasks_added", "tasks_skipped" FROM "import_runs";
DROP TABLE "import_runs";
ALTER TABLE "new_import_runs" RENAME TO "import_runs";
CREATE TABLE "new_jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "config_json" TEXT NOT NULL,
    "provider_id" TEXT,
    "items_total" INTEGER NOT NULL DEFAULT 0,
    "items_done" INTEGER NOT NULL DEFAULT 0,
    "items_failed" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" REAL NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "finished_at" DATETIME,
    CONSTRAINT "jobs_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_jobs" ("completion_tokens", "config_json", "cost_usd", "created_at", "created_by_id", "finished_at", "id", "items_done", "items_failed", "items_total", "kind", "prompt_tokens", "provider_id", "started_at", "status") SELECT "completion_tokens", "config_json", "cost_usd", "created_at", "created_by_id", "finished_at", "id", "items_done", "items_failed", "items_total", "kind", "prompt_tokens", "provider_id", "started_at", "status" FROM "jobs";
DROP TABLE "jobs";
ALTER TABLE "new_jobs" RENAME TO "jobs";
CREATE INDEX "jobs_status_idx" ON "jobs"("status");
CREATE INDEX "jobs_created_at_id_idx" ON "jobs"("created_at", "id");
CREATE TABLE "new_sign_in_lockouts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "locked_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" DATETIME NOT NULL,
    "failed_attempts" INTEGER NOT NULL,
    "lifted_at" DATETIME,
    "lifted_by_id" TEXT,
    CONSTRAINT "sign_in_lockouts_lifted_by_id_fkey" FOREIGN KEY ("lifted_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_sign_in_lockouts" ("failed_attempts", "id", "key", "kind", "lifted_at", "lifted_by_id", "locked_at", "locked_until") SELECT "failed_attempts", "id", "key", "kind", "lifted_at", "lifted_by_id", "locked_at", "locked_until" FROM "sign_in_lockouts";
DROP TABLE "sign_in_lockouts";
ALTER TABLE "new_sign_in_lockouts" RENAME TO "sign_in_lockouts";
CREATE INDEX "sign_in_lockouts_locked_at_idx" ON "sign_in_lockouts"("locked_at");
CREATE INDEX "sign_in_lockouts_kind_key_locked_until_idx" ON "sign_in_lockouts"("kind", "key", "locked_until");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
PRAGMA legacy_alter_table=OFF;

-- Dropping "jobs" dropped its trigger (20261202005637_store_counters): made again as it was.
CREATE TRIGGER "jobs_detach_pairs_first" BEFORE DELETE ON "jobs" BEGIN
    UPDATE preference_pairs SET job_id = NULL WHERE job_id = OLD.id;
END;
