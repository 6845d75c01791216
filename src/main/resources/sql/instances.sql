-- Service instances and their heartbeat (claim owners).

-- name: beat
INSERT INTO service_instance (id, name) VALUES (:instance, :instanceName)
ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()

-- name: leave
DELETE FROM service_instance WHERE id = :instance

-- name: peers
-- The other live instances, running for at least a minute (time to have marked a shared folder).
SELECT id, name FROM service_instance
 WHERE id <> :instance AND heartbeat_at > now() - make_interval(secs => :staleSeconds)
   AND started_at < now() - interval '1 minute'
 ORDER BY name
