-- The counts by status that PostgreSQL keeps (status_count, V12).

-- name: compact
-- Folds the rows of connections that closed into shard 0. A pid reused by a new connection meanwhile
-- is harmless: rows are partial sums, whoever adds to them.
WITH gone AS (
    DELETE FROM status_count
     WHERE shard <> 0 AND shard NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
    RETURNING entity, status, n
)
INSERT INTO status_count AS c (entity, status, shard, n)
SELECT entity, status, 0, sum(n) FROM gone GROUP BY entity, status
ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n

-- name: rows
SELECT count(*) FROM status_count
