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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME
);
INSERT INTO "new_exports" ("app_version", "created_at", "created_by_id", "file_path", "file_sha256", "filters_json", "finished_at", "format", "id", "manifest_json", "row_count", "status", "template_name") SELECT "app_version", "created_at", "created_by_id", "file_path", "file_sha256", "filters_json", "finished_at", "format", "id", "manifest_json", "row_count", "status", "template_name" FROM "exports";
DROP TABLE "exports";
ALTER TABLE "new_exports" RENAME TO "exports";
CREATE INDEX "exports_created_at_idx" ON "exports"("created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
