-- Cluster-wide timers: each slot of a named timer is claimed by one replica.

-- name: claim
-- True for the one replica that asks first in this slot; nothing for the rest. A changed interval
-- starts counting afresh (slots of another length are not comparable).
INSERT INTO cluster_timer AS t (name, interval_ms, slot, fired_at, fired_by)
VALUES (:name, :intervalMs, floor(extract(epoch FROM clock_timestamp()) * 1000 / :intervalMs)::bigint,
        clock_timestamp(), :instance)
ON CONFLICT (name) DO UPDATE
   SET interval_ms = EXCLUDED.interval_ms, slot = EXCLUDED.slot, fired_at = EXCLUDED.fired_at,
       fired_by = EXCLUDED.fired_by
 WHERE t.slot < EXCLUDED.slot OR t.interval_ms <> EXCLUDED.interval_ms
RETURNING fired_by

-- name: share
-- A run with a backlog lets the next replica that asks run this slot too (they split the work by claims).
UPDATE cluster_timer SET slot = slot - 1 WHERE name = :name
