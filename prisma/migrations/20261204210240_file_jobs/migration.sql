-- Dashboard exports and imports run on the job queue (issue 16, item 4): each row names the job
-- that runs it (ON DELETE SET NULL: a deleted job leaves the export or import as it ended).
-- SQLite cannot add a foreign key to a column: the two tables are rebuilt (Prisma's pattern).

-- RedefineTables
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
    "job_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    CONSTRAINT "exports_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "exports_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "job_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME,
    CONSTRAINT "import_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "import_runs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_import_runs" ("created_at", "created_by_id", "databases_added", "databases_missing", "dir_path", "error", "finished_at", "format", "id", "owner_process", "report_json", "split", "status", "tasks_added", "tasks_skipped") SELECT "created_at", "created_by_id", "databases_added", "databases_missing", "dir_path", "error", "finished_at", "format", "id", "owner_process", "report_json", "split", "status", "tasks_added", "tasks_skipped" FROM "import_runs";
DROP TABLE "import_runs";
ALTER TABLE "new_import_runs" RENAME TO "import_runs";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
