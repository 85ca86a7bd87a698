-- DropIndex
DROP INDEX "sft_samples_database_id_idx";

-- AlterTable
ALTER TABLE "sft_samples" ADD COLUMN "normalized_sql" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    CONSTRAINT "jobs_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_jobs" ("completion_tokens", "config_json", "created_at", "created_by_id", "finished_at", "id", "items_done", "items_failed", "items_total", "kind", "prompt_tokens", "provider_id", "started_at", "status") SELECT "completion_tokens", "config_json", "created_at", "created_by_id", "finished_at", "id", "items_done", "items_failed", "items_total", "kind", "prompt_tokens", "provider_id", "started_at", "status" FROM "jobs";
DROP TABLE "jobs";
ALTER TABLE "new_jobs" RENAME TO "jobs";
CREATE INDEX "jobs_status_idx" ON "jobs"("status");
CREATE TABLE "new_model_calls" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider_id" TEXT NOT NULL,
    "job_id" TEXT,
    "status" TEXT NOT NULL,
    "http_status" INTEGER,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" REAL NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL,
    "error" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "model_calls_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "model_calls_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_model_calls" ("completion_tokens", "created_at", "http_status", "id", "job_id", "latency_ms", "prompt_tokens", "provider_id", "status") SELECT "completion_tokens", "created_at", "http_status", "id", "job_id", "latency_ms", "prompt_tokens", "provider_id", "status" FROM "model_calls";
DROP TABLE "model_calls";
ALTER TABLE "new_model_calls" RENAME TO "model_calls";
CREATE INDEX "model_calls_job_id_idx" ON "model_calls"("job_id");
CREATE TABLE "new_providers" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "api_key" TEXT,
    "temperature" REAL NOT NULL DEFAULT 0,
    "max_tokens" INTEGER NOT NULL DEFAULT 1024,
    "max_concurrency" INTEGER NOT NULL DEFAULT 4,
    "requests_per_min" INTEGER,
    "tokens_per_min" INTEGER,
    "timeout_ms" INTEGER NOT NULL DEFAULT 60000,
    "input_price_per_mtok" REAL,
    "output_price_per_mtok" REAL,
    "managed_by" TEXT NOT NULL DEFAULT 'ui',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_providers" ("api_key", "base_url", "created_at", "id", "max_concurrency", "max_tokens", "model", "name", "requests_per_min", "temperature", "tokens_per_min") SELECT "api_key", "base_url", "created_at", "id", "max_concurrency", "max_tokens", "model", "name", "requests_per_min", "temperature", "tokens_per_min" FROM "providers";
DROP TABLE "providers";
ALTER TABLE "new_providers" RENAME TO "providers";
CREATE UNIQUE INDEX "providers_name_key" ON "providers"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "sft_samples_database_id_normalized_sql_idx" ON "sft_samples"("database_id", "normalized_sql");
