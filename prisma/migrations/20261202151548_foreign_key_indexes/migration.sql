-- CreateIndex
CREATE INDEX "preference_pairs_chosen_candidate_id_idx" ON "preference_pairs"("chosen_candidate_id");

-- CreateIndex
CREATE INDEX "preference_pairs_rejected_candidate_id_idx" ON "preference_pairs"("rejected_candidate_id");

-- CreateIndex
CREATE INDEX "sft_samples_task_id_idx" ON "sft_samples"("task_id");
