-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'annotator',
    "disabled_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "target_databases" (
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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "database_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "evidence" TEXT,
    "gold_sql" TEXT NOT NULL,
    "difficulty" TEXT,
    "hardness" TEXT,
    "split" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "import_run_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tasks_database_id_fkey" FOREIGN KEY ("database_id") REFERENCES "target_databases" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "tasks_import_run_id_fkey" FOREIGN KEY ("import_run_id") REFERENCES "import_runs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "import_runs" (
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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME
);

-- CreateTable
CREATE TABLE "providers" (
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
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "jobs" (
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
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "finished_at" DATETIME,
    CONSTRAINT "jobs_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "job_items" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "job_id" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "payload_json" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lease_owner" TEXT,
    "lease_expires_at" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "error_kind" TEXT,
    "result_json" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "job_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "model_calls" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider_id" TEXT NOT NULL,
    "job_id" TEXT,
    "status" TEXT NOT NULL,
    "http_status" INTEGER,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "model_calls_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "model_calls_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "candidates" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task_id" TEXT NOT NULL,
    "job_id" TEXT,
    "source" TEXT NOT NULL,
    "raw_text" TEXT,
    "sql" TEXT,
    "normalized_sql" TEXT,
    "verdict" TEXT NOT NULL,
    "error" TEXT,
    "result_json" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "candidates_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "candidates_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "sft_samples" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "database_id" TEXT NOT NULL,
    "task_id" TEXT,
    "job_id" TEXT,
    "question" TEXT NOT NULL,
    "evidence" TEXT,
    "sql" TEXT NOT NULL,
    "difficulty" TEXT,
    "origin" TEXT NOT NULL,
    "exec_status" TEXT NOT NULL,
    "exec_error" TEXT,
    "result_json" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "edited_question" TEXT,
    "edited_sql" TEXT,
    "reject_reason" TEXT,
    "reject_note" TEXT,
    "lease_owner_id" TEXT,
    "lease_expires_at" DATETIME,
    "reviewed_by_id" TEXT,
    "reviewed_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sft_samples_database_id_fkey" FOREIGN KEY ("database_id") REFERENCES "target_databases" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sft_samples_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "preference_pairs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "task_id" TEXT NOT NULL,
    "job_id" TEXT,
    "chosen_sql" TEXT NOT NULL,
    "chosen_source" TEXT NOT NULL,
    "chosen_candidate_id" TEXT,
    "rejected_sql" TEXT NOT NULL,
    "rejected_candidate_id" TEXT,
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
    CONSTRAINT "preference_pairs_rejected_candidate_id_fkey" FOREIGN KEY ("rejected_candidate_id") REFERENCES "candidates" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "review_actions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "item_type" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "user_id" TEXT,
    "action" TEXT NOT NULL,
    "before_json" TEXT NOT NULL,
    "after_json" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "exports" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "filters_json" TEXT NOT NULL,
    "template_name" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL DEFAULT 0,
    "file_path" TEXT,
    "file_sha256" TEXT,
    "manifest_json" TEXT,
    "app_version" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "target_databases_name_key" ON "target_databases"("name");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_source_ref_key" ON "tasks"("source_ref");

-- CreateIndex
CREATE INDEX "tasks_database_id_split_idx" ON "tasks"("database_id", "split");

-- CreateIndex
CREATE INDEX "tasks_split_origin_idx" ON "tasks"("split", "origin");

-- CreateIndex
CREATE INDEX "tasks_difficulty_idx" ON "tasks"("difficulty");

-- CreateIndex
CREATE UNIQUE INDEX "providers_name_key" ON "providers"("name");

-- CreateIndex
CREATE INDEX "jobs_status_idx" ON "jobs"("status");

-- CreateIndex
CREATE INDEX "job_items_job_id_status_idx" ON "job_items"("job_id", "status");

-- CreateIndex
CREATE INDEX "job_items_status_lease_expires_at_idx" ON "job_items"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "model_calls_job_id_idx" ON "model_calls"("job_id");

-- CreateIndex
CREATE INDEX "candidates_task_id_verdict_idx" ON "candidates"("task_id", "verdict");

-- CreateIndex
CREATE INDEX "candidates_job_id_idx" ON "candidates"("job_id");

-- CreateIndex
CREATE INDEX "sft_samples_status_lease_expires_at_idx" ON "sft_samples"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "sft_samples_job_id_idx" ON "sft_samples"("job_id");

-- CreateIndex
CREATE INDEX "sft_samples_database_id_idx" ON "sft_samples"("database_id");

-- CreateIndex
CREATE INDEX "preference_pairs_status_lease_expires_at_idx" ON "preference_pairs"("status", "lease_expires_at");

-- CreateIndex
CREATE INDEX "preference_pairs_job_id_idx" ON "preference_pairs"("job_id");

-- CreateIndex
CREATE INDEX "preference_pairs_task_id_idx" ON "preference_pairs"("task_id");

-- CreateIndex
CREATE INDEX "review_actions_item_type_item_id_created_at_idx" ON "review_actions"("item_type", "item_id", "created_at");

-- CreateIndex
CREATE INDEX "review_actions_user_id_created_at_idx" ON "review_actions"("user_id", "created_at");
