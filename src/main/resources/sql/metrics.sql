-- Domain figures for /observe/metrics and the JMX Stats MBean (ops/DomainFigures), read at most
-- every 30 s whatever the scrape rate.

-- name: by_status
SELECT status, count(*) AS n FROM reservation GROUP BY status

-- name: unmatched
SELECT count(*) AS n, min(created_at) AS oldest FROM purchase_order WHERE status = 'sin_asignar'
