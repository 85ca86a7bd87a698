-- DropIndex
DROP INDEX "preference_pairs_status_lease_expires_at_idx";

-- DropIndex
DROP INDEX "sft_samples_status_lease_expires_at_idx";

-- AlterTable
ALTER TABLE "preference_pairs" ADD COLUMN "final_chosen_sql" TEXT;
ALTER TABLE "preference_pairs" ADD COLUMN "final_rejected_sql" TEXT;

-- AlterTable
ALTER TABLE "review_actions" ADD COLUMN "undone_at" DATETIME;

-- AlterTable
ALTER TABLE "sft_samples" ADD COLUMN "edited_result_json" TEXT;

-- CreateIndex
CREATE INDEX "preference_pairs_status_created_at_idx" ON "preference_pairs"("status", "created_at");

-- CreateIndex
CREATE INDEX "preference_pairs_lease_owner_id_idx" ON "preference_pairs"("lease_owner_id");

-- CreateIndex
CREATE INDEX "sft_samples_status_exec_status_created_at_idx" ON "sft_samples"("status", "exec_status", "created_at");

-- CreateIndex
CREATE INDEX "sft_samples_lease_owner_id_idx" ON "sft_samples"("lease_owner_id");
