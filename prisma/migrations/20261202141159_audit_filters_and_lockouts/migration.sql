-- DropIndex
DROP INDEX "review_actions_item_type_item_id_created_at_idx";

-- CreateTable
CREATE TABLE "sign_in_lockouts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "locked_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" DATETIME NOT NULL,
    "failed_attempts" INTEGER NOT NULL,
    "lifted_at" DATETIME,
    "lifted_by_id" TEXT
);

-- CreateIndex
CREATE INDEX "sign_in_lockouts_locked_at_idx" ON "sign_in_lockouts"("locked_at");

-- CreateIndex
CREATE INDEX "sign_in_lockouts_kind_key_locked_until_idx" ON "sign_in_lockouts"("kind", "key", "locked_until");

-- CreateIndex
CREATE INDEX "audit_events_action_created_at_id_idx" ON "audit_events"("action", "created_at", "id");

-- CreateIndex
CREATE INDEX "audit_events_user_id_action_created_at_id_idx" ON "audit_events"("user_id", "action", "created_at", "id");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_created_at_id_idx" ON "audit_events"("target_type", "target_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "review_actions_item_type_item_id_created_at_id_idx" ON "review_actions"("item_type", "item_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "review_actions_action_created_at_id_idx" ON "review_actions"("action", "created_at", "id");

-- CreateIndex
CREATE INDEX "review_actions_user_id_action_created_at_id_idx" ON "review_actions"("user_id", "action", "created_at", "id");
