-- CreateIndex
CREATE INDEX "preference_pairs_status_id_idx" ON "preference_pairs"("status", "id");

-- CreateIndex
CREATE INDEX "sft_samples_status_id_idx" ON "sft_samples"("status", "id");
