-- A synthesized database names the strong job that made it (issue 15, item 4): its page links
-- to the job. Databases synthesized before this migration get their job from the build item that
-- registered them (its result names the database); SQLite cannot add a foreign key to a column,
-- so the table is rebuilt (Prisma's pattern below).

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_target_databases" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "file_path" TEXT,
    "file_status" TEXT NOT NULL,
    "file_error" TEXT,
    "file_bytes" INTEGER,
    "file_sha256" TEXT,
    "schema_json" TEXT,
    "table_count" INTEGER NOT NULL DEFAULT 0,
    "job_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "target_databases_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_target_databases" ("created_at", "file_bytes", "file_error", "file_path", "file_sha256", "file_status", "id", "name", "schema_json", "source", "table_count", "updated_at") SELECT "created_at", "file_bytes", "file_error", "file_path", "file_sha256", "file_status", "id", "name", "schema_json", "source", "table_count", "updated_at" FROM "target_databases";
DROP TABLE "target_databases";
ALTER TABLE "new_target_databases" RENAME TO "target_databases";
CREATE UNIQUE INDEX "target_databases_name_key" ON "target_databases"("name");
CREATE INDEX "target_databases_job_id_idx" ON "target_databases"("job_id");
UPDATE "target_databases" SET "job_id" = (
    SELECT "job_id" FROM "job_items"
    WHERE "step" = 'build-database' AND "status" = 'done' AND json_valid("result_json") AND json_extract("result_json", '$.database') = "target_databases"."name"
    LIMIT 1
) WHERE "source" = 'synthesized';
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
