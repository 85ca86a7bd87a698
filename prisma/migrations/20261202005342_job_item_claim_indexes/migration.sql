-- DropIndex
DROP INDEX "job_items_job_id_status_idx";

-- CreateIndex
CREATE INDEX "job_items_job_id_status_created_at_id_idx" ON "job_items"("job_id", "status", "created_at", "id");
