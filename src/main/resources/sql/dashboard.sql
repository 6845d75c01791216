-- The dashboard's home: the cards (live, one statement on status_count and small indexes) and the charts
-- (cached, see below), built as JSON by PostgreSQL.

-- name: home
WITH c AS (SELECT entity, status, sum(n)::bigint AS n FROM status_count GROUP BY entity, status)
SELECT json_build_object(
    'pendientes', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation' AND status = 'pendiente'),
    'vencen_hoy', (SELECT count(*) FROM reservation WHERE status = 'pendiente'
                     AND next_step_at < CAST(:tomorrow AS timestamptz)),
    'suspendidas', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation' AND status = 'suspendida'),
    'recibidas_mes', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'purchase_order_mes' AND status = CAST(:month AS text)),
    'sin_contacto', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation' AND status = 'sin_contacto'),
    'revision', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation' AND status = 'revision'),
    'oc_sin_asignar', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'purchase_order' AND status = 'sin_asignar'),
    'errores_correo', (SELECT COALESCE(sum(n), 0) FROM c WHERE (entity = 'processed_mail' AND status = 'error')
                          OR (entity = 'sent_email' AND status IN ('fallido', 'incierto')))
)::text

-- The charts (pending by age, OCs over the last weeks): heavier (hundreds of thousands of rows at scale),
-- so the dashboard keeps the last result for two minutes and refreshes it in the background (HomeCharts).
-- name: charts
SELECT json_build_object(
    -- pending reservations by the day their ladder started (Java turns days into business-day ages);
    -- every pending reservation is read, so it is a chart (cached), not a card
    'pendientes_por_inicio', COALESCE((SELECT json_agg(json_build_object('dia', d, 'n', n) ORDER BY d) FROM (
        SELECT (ladder_started_at AT TIME ZONE 'America/Santiago')::date AS d, count(*) AS n
          FROM reservation WHERE status = 'pendiente' AND ladder_started_at IS NOT NULL GROUP BY 1) x), '[]'::json),
    'oc_por_semana', COALESCE((SELECT json_agg(json_build_object('semana', w, 'n', n) ORDER BY w) FROM (
        SELECT date_trunc('week', created_at AT TIME ZONE 'America/Santiago')::date AS w, count(*) AS n
          FROM purchase_order WHERE status = 'asignada' AND created_at >= CAST(:weeksFrom AS timestamptz) GROUP BY 1) x),
        '[]'::json),
    -- how each OC of the last 90 days came: by hand, or after which ladder e-mail (none yet: before the request)
    'resolucion', COALESCE((SELECT json_agg(json_build_object('como', como, 'n', n) ORDER BY n DESC) FROM (
        SELECT CASE WHEN o.manual OR o.match_method = 'manual' THEN 'manual'
                    ELSE COALESCE((SELECT e.step FROM sent_email e WHERE e.reservation_id = o.reservation_id
                                      AND NOT e.manual AND e.status = 'enviado' AND e.sent_at <= o.created_at
                                    ORDER BY e.sent_at DESC LIMIT 1), 'antes de la solicitud') END AS como,
               count(*) AS n
          FROM purchase_order o
         WHERE o.status = 'asignada' AND o.created_at >= CAST(:resolvedFrom AS timestamptz)
         GROUP BY 1) x), '[]'::json),
    -- days from the ladder's start to the OC, for OCs of the last 90 days
    'dias_hasta_oc', COALESCE((SELECT json_agg(json_build_object('tramo', tramo, 'n', n) ORDER BY tramo) FROM (
        SELECT LEAST(4, GREATEST(0, floor(extract(epoch FROM o.created_at - r.ladder_started_at) / 86400)::int / 2)) AS tramo,
               count(*) AS n
          FROM purchase_order o JOIN reservation r ON r.id = o.reservation_id
         WHERE o.status = 'asignada' AND o.created_at >= CAST(:resolvedFrom AS timestamptz) AND r.ladder_started_at IS NOT NULL
         GROUP BY 1) x), '[]'::json)
)::text
