-- Service instances and their heartbeat (claim owners).

-- name: beat
INSERT INTO service_instance (id, name) VALUES (:instance, :instanceName)
ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()

-- name: leave
DELETE FROM service_instance WHERE id = :instance
