-- The admins' daily summary (mailout/DailySummary, routes/daily-summary.camel.yaml).

-- Today's summary is taken by one replica: a new day, or a day whose earlier attempt failed before
-- reaching SMTP (up to 3 attempts), or whose claimer died before handing it over.
-- name: claim
INSERT INTO daily_summary AS d (day, status, claimed_by, recipients)
VALUES (:day, 'reclamado', :instance, CAST(:recipients AS text[]))
ON CONFLICT (day) DO UPDATE SET status = 'reclamado', claimed_by = :instance, claimed_at = now(),
       attempts = d.attempts + 1, recipients = EXCLUDED.recipients
 WHERE (d.status = 'error' AND d.attempts < 3)
    OR (d.status = 'reclamado' AND claim_abandoned(d.claimed_by, :instance, :instanceName, :staleSeconds))
RETURNING attempts

-- A replica died while SMTP had it: whether it went out is unknown, so it is not sent again.
-- name: uncertain
UPDATE daily_summary d SET status = 'incierto', last_error = 'la instancia que lo enviaba se detuvo durante el envío'
 WHERE d.status = 'enviando' AND claim_abandoned(d.claimed_by, :instance, :instanceName, :staleSeconds)

-- name: sending
UPDATE daily_summary SET status = 'enviando', subject = :subject, message_id = :messageId
 WHERE day = :day AND claimed_by = :instance AND status = 'reclamado'

-- name: sent
UPDATE daily_summary SET status = 'enviado', sent_at = now(), last_error = NULL WHERE day = :day AND claimed_by = :instance

-- name: failed
UPDATE daily_summary SET status = CASE WHEN status = 'enviando' THEN 'incierto' ELSE 'error' END, last_error = :error
 WHERE day = :day AND claimed_by = :instance

-- Everything the summary says, for the period [since, until): sends by level, OCs received, the
-- pending reservations per start day (Java makes business-day ages), the unmatched queue, and what
-- needs a person.
-- name: figures
SELECT json_build_object(
    'envios', COALESCE((SELECT json_agg(json_build_object('paso', step, 'n', n) ORDER BY n DESC, step) FROM (
        SELECT COALESCE(step, kind) AS step, count(*) AS n FROM sent_email
         WHERE status = 'enviado' AND sent_at >= CAST(:since AS timestamptz) AND sent_at < CAST(:until AS timestamptz)
         GROUP BY 1) x), '[]'::json),
    'fallidos', (SELECT count(*) FROM sent_email WHERE status IN ('fallido', 'incierto')
                   AND COALESCE(sent_at, claimed_at) >= CAST(:since AS timestamptz)),
    'oc_recibidas', (SELECT count(*) FROM purchase_order WHERE status = 'asignada'
                       AND updated_at >= CAST(:since AS timestamptz) AND updated_at < CAST(:until AS timestamptz)),
    'pendientes', (SELECT count(*) FROM reservation WHERE status = 'pendiente'),
    'pendientes_por_inicio', COALESCE((SELECT json_agg(json_build_object('dia', d, 'n', n)) FROM (
        SELECT (ladder_started_at AT TIME ZONE 'America/Santiago')::date AS d, count(*) AS n
          FROM reservation WHERE status = 'pendiente' AND ladder_started_at IS NOT NULL GROUP BY 1) x), '[]'::json),
    'suspendidas', (SELECT count(*) FROM reservation WHERE status = 'suspendida'),
    'sin_asignar', (SELECT count(*) FROM purchase_order WHERE status = 'sin_asignar'),
    'sin_asignar_desde', (SELECT min(created_at) FROM purchase_order WHERE status = 'sin_asignar'),
    'revision', (SELECT count(*) FROM reservation WHERE status = 'revision'),
    'sin_contacto', (SELECT count(*) FROM reservation WHERE status = 'sin_contacto'),
    'atencion', COALESCE((SELECT json_agg(json_build_object('id_reserva', reservation_code, 'motivo', ladder_attention)) FROM (
        SELECT reservation_code, ladder_attention FROM reservation
         WHERE ladder_attention IS NOT NULL AND status = 'pendiente' ORDER BY updated_at DESC LIMIT 20) a), '[]'::json),
    'atencion_total', (SELECT count(*) FROM reservation WHERE ladder_attention IS NOT NULL AND status = 'pendiente'),
    'mensajes_con_error', (SELECT count(*) FROM processed_mail WHERE outcome = 'error'),
    'errores_mensajes', COALESCE((SELECT json_agg(json_build_object('asunto', subject, 'error', error)) FROM (
        SELECT subject, error FROM processed_mail WHERE outcome = 'error' ORDER BY received_at DESC LIMIT 10) m), '[]'::json)
)::text
