-- CreateIndex
CREATE INDEX "job_items_job_id_created_at_id_idx" ON "job_items"("job_id", "created_at", "id");

-- A job's model calls per hour, kept by triggers like those of 20261202005637_store_counters:
-- scope 'jobcalls:<job id>', key YYYY-MM-DDTHH \x1f calls | failed | tokens | microusd (cost in millionths of a dollar).
CREATE TRIGGER "model_calls_job_hour_insert" AFTER INSERT ON "model_calls" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'calls', 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'failed', 1 WHERE NEW.job_id IS NOT NULL AND NEW.status <> 'ok'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'tokens', (NEW.prompt_tokens + NEW.completion_tokens) WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'microusd', CAST(round(NEW.cost_usd * 1000000) AS INTEGER) WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "model_calls_job_hour_delete" AFTER DELETE ON "model_calls" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'calls', -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'failed', -1 WHERE OLD.job_id IS NOT NULL AND OLD.status <> 'ok'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'tokens', -(OLD.prompt_tokens + OLD.completion_tokens) WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'microusd', -CAST(round(OLD.cost_usd * 1000000) AS INTEGER) WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER "model_calls_job_hour_update" AFTER UPDATE OF job_id, status, prompt_tokens, completion_tokens, cost_usd, created_at ON "model_calls" BEGIN
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'calls', -1 WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'failed', -1 WHERE OLD.job_id IS NOT NULL AND OLD.status <> 'ok'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'tokens', -(OLD.prompt_tokens + OLD.completion_tokens) WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || OLD.job_id, substr(OLD.created_at, 1, 13) || char(31) || 'microusd', -CAST(round(OLD.cost_usd * 1000000) AS INTEGER) WHERE OLD.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'calls', 1 WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'failed', 1 WHERE NEW.job_id IS NOT NULL AND NEW.status <> 'ok'
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'tokens', (NEW.prompt_tokens + NEW.completion_tokens) WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
    INSERT INTO store_counters (scope, key, n) SELECT 'jobcalls:' || NEW.job_id, substr(NEW.created_at, 1, 13) || char(31) || 'microusd', CAST(round(NEW.cost_usd * 1000000) AS INTEGER) WHERE NEW.job_id IS NOT NULL
      ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
END;

-- The calls already stored.
INSERT INTO store_counters (scope, key, n)
SELECT scope, key, sum(d) FROM (
  SELECT 'jobcalls:' || x.job_id AS scope, substr(x.created_at, 1, 13) || char(31) || 'calls' AS key, 1 AS d FROM "model_calls" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'jobcalls:' || x.job_id AS scope, substr(x.created_at, 1, 13) || char(31) || 'failed' AS key, 1 AS d FROM "model_calls" x WHERE x.job_id IS NOT NULL AND x.status <> 'ok'
  UNION ALL
  SELECT 'jobcalls:' || x.job_id AS scope, substr(x.created_at, 1, 13) || char(31) || 'tokens' AS key, x.prompt_tokens + x.completion_tokens AS d FROM "model_calls" x WHERE x.job_id IS NOT NULL
  UNION ALL
  SELECT 'jobcalls:' || x.job_id AS scope, substr(x.created_at, 1, 13) || char(31) || 'microusd' AS key, CAST(round(x.cost_usd * 1000000) AS INTEGER) AS d FROM "model_calls" x WHERE x.job_id IS NOT NULL
) WHERE true GROUP BY scope, key
ON CONFLICT (scope, key) DO UPDATE SET n = n + excluded.n;
