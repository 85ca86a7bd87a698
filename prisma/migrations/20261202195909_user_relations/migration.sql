-- Relations from the audit log to users (issue 16, item 7): audit_events.user_id and
-- review_actions.user_id become foreign keys to users with ON DELETE SET NULL, so the log reads
-- names through a join and a deleted account leaves its rows unattributed instead of dangling.
-- SQLite cannot add a foreign key to a column, so both tables are rebuilt (Prisma's pattern below).

-- Rows that name an account that no longer exists would break the new keys: unattribute them first.
-- For review_actions this is an UPDATE so its counter trigger moves the per-day counts to '' (unknown).
UPDATE "review_actions" SET "user_id" = NULL WHERE "user_id" IS NOT NULL AND "user_id" NOT IN (SELECT "id" FROM "users");
UPDATE "audit_events" SET "user_id" = NULL WHERE "user_id" IS NOT NULL AND "user_id" NOT IN (SELECT "id" FROM "users");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_audit_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT,
    "via" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "detail_json" TEXT NOT NULL DEFAULT '{}',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_audit_events" ("action", "created_at", "detail_json", "id", "target_id", "target_type", "user_id", "via") SELECT "action", "created_at", "detail_json", "id", "target_id", "target_type", "user_id", "via" FROM "audit_events";
DROP TABLE "audit_events";
ALTER TABLE "new_audit_events" RENAME TO "audit_events";
CREATE INDEX "audit_events_created_at_id_idx" ON "audit_events"("created_at", "id");
CREATE INDEX "audit_events_user_id_created_at_id_idx" ON "audit_events"("user_id", "created_at", "id");
CREATE INDEX "audit_events_action_created_at_id_idx" ON "audit_events"("action", "created_at", "id");
CREATE INDEX "audit_events_user_id_action_created_at_id_idx" ON "audit_events"("user_id", "action", "created_at", "id");
CREATE INDEX "audit_events_target_type_target_id_created_at_id_idx" ON "audit_events"("target_type", "target_id", "created_at", "id");
CREATE TABLE "new_review_actions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "item_type" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "user_id" TEXT,
    "action" TEXT NOT NULL,
    "via" TEXT NOT NULL DEFAULT 'ui',
    "before_json" TEXT NOT NULL,
    "after_json" TEXT NOT NULL,
    "undone_at" DATETIME,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "review_actions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_review_actions" ("action", "after_json", "before_json", "created_at", "id", "item_id", "item_type", "undone_at", "user_id", "via") SELECT "action", "after_json", "before_json", "created_at", "id", "item_id", "item_type", "undone_at", "user_id", "via" FROM "review_actions";
DROP TABLE "review_actions";
ALTER TABLE "new_review_actions" RENAME TO "review_actions";
CREATE INDEX "review_actions_item_type_item_id_created_at_id_idx" ON "review_actions"("item_type", "item_id", "created_at", "id");
CREATE INDEX "review_actions_user_id_created_at_id_idx" ON "review_actions"("user_id", "created_at", "id");
CREATE INDEX "review_actions_created_at_id_idx" ON "review_actions"("created_at", "id");
CREATE INDEX "review_actions_action_created_at_id_idx" ON "review_actions"("action", "created_at", "id");
CREATE INDEX "review_actions_user_id_action_created_at_id_idx" ON "review_actions"("user_id", "action", "created_at", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- DROP TABLE took review_actions' triggers with it: the counters' triggers again, unchanged
-- (20261202005637_store_counters and 20261202141500_throughput_counters).
CREATE TRIGGER "review_actions_count_insert" AFTER INSERT ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'decided', 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'accepted', 1 WHERE NEW.action IN ('accept', 'edit', 'swap') AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_count_delete" AFTER DELETE ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'decided', -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'accepted', -1 WHERE OLD.action IN ('accept', 'edit', 'swap') AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_count_update" AFTER UPDATE OF action, undone_at, user_id, created_at ON "review_actions" WHEN OLD.action IS NOT NEW.action OR OLD.undone_at IS NOT NEW.undone_at OR OLD.user_id IS NOT NEW.user_id OR OLD.created_at IS NOT NEW.created_at BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'decided', -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(OLD.created_at, 1, 10) || char(31) || coalesce(OLD.user_id, '') || char(31) || 'accepted', -1 WHERE OLD.action IN ('accept', 'edit', 'swap') AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'decided', 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.day', substr(NEW.created_at, 1, 10) || char(31) || coalesce(NEW.user_id, '') || char(31) || 'accepted', 1 WHERE NEW.action IN ('accept', 'edit', 'swap') AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_insert" AFTER INSERT ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(NEW.created_at, 1, 13), 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_delete" AFTER DELETE ON "review_actions" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(OLD.created_at, 1, 13), -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "review_actions_hour_update" AFTER UPDATE OF action, undone_at, created_at ON "review_actions" WHEN OLD.action IS NOT NEW.action OR OLD.undone_at IS NOT NEW.undone_at OR OLD.created_at IS NOT NEW.created_at BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(OLD.created_at, 1, 13), -1 WHERE OLD.action <> 'undo' AND OLD.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'review.hour', substr(NEW.created_at, 1, 13), 1 WHERE NEW.action <> 'undo' AND NEW.undone_at IS NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;
