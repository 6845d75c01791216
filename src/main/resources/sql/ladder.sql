-- The escalation ladder: planning, claiming and recording sends, suspension, calendar, test clock.

-- name: clock_get
SELECT offset_ms FROM service_clock WHERE id = 1

-- name: clock_set
INSERT INTO service_clock (id, offset_ms, set_at) VALUES (1, :o, now())
ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, set_at = now()

-- name: clock_delete
DELETE FROM service_clock

-- name: overrides
SELECT day, holiday, name FROM calendar_override ORDER BY day

-- name: to_plan
-- Reservations that entered the ladder (or re-entered it) and have no next step yet.
SELECT id FROM reservation WHERE status = 'pendiente' AND next_step_at IS NULL ORDER BY id LIMIT :limit

-- name: due
SELECT id FROM reservation WHERE status = 'pendiente' AND next_step_at <= :now ORDER BY next_step_at, id LIMIT :limit

-- name: view
-- A reservation as the ladder needs it. The runner appends FOR UPDATE OF r SKIP LOCKED (one run works on a
-- reservation at a time; another skips it instead of waiting); a manual resend waits for the lock.
SELECT r.id, r.reservation_code, r.loc_interno, r.localizador, r.agency, r.hotel_name, r.hotel_phone, r.check_in,
       r.check_out, r.total_amount, r.currency, r.status, r.ladder_started_at, r.created_at,
       c.ladder, c.ladder_days::text AS ladder_days, c.ladder_drop, c.contact_to, c.contact_cc,
       ARRAY(SELECT trim(coalesce(g.first_names, '') || ' ' || coalesce(g.last_names, ''))
               FROM reservation_room h JOIN reservation_guest g ON g.room_id = h.id
              WHERE h.reservation_id = r.id ORDER BY h.room_number, g.position) AS guests
  FROM reservation r LEFT JOIN client c ON c.id = r.client_id
 WHERE r.id = :id

-- name: history
-- When each automatic step went out (claimed but not sent yet: not a step taken).
SELECT step, sent_at FROM sent_email
 WHERE reservation_id = :id AND NOT manual AND step IS NOT NULL AND sent_at IS NOT NULL

-- name: set_next
UPDATE reservation SET next_step = :step, next_step_at = :at WHERE id = :id

-- name: claim
-- The level is claimed before anything is sent: the unique index allows one automatic send per level.
INSERT INTO sent_email (reservation_id, kind, step, level, manual, while_pending, status, message_id, from_address,
                        to_addresses, cc_addresses, reply_to, template, request_day, suspension_at, claimed_at, claimed_by)
VALUES (:reservationId, :kind, :step, :level, :manual, :whilePending, 'reclamado', :messageId, :from,
        CAST(:to AS text[]), CAST(:cc AS text[]), :replyTo, :template, :requestDay, :suspensionAt, :claimedAt, :instance)
ON CONFLICT DO NOTHING
RETURNING id

-- name: skip
-- A level with nobody to receive it: taken as done (sent_at) without an e-mail, with the reason.
INSERT INTO sent_email (reservation_id, kind, step, level, manual, while_pending, status, from_address, template,
                        last_error, claimed_at, sent_at, claimed_by)
VALUES (:reservationId, :step, :step, :level, false, false, 'omitido', :from, :template, :reason, :at, :at, :instance)
ON CONFLICT DO NOTHING

-- name: to_send
-- Claimed e-mails not handed to SMTP yet (a run that died after claiming, notices queued by OC
-- intake) and failed-for-now ones whose turn has come. Any run may send a claimed one: start_sending
-- lets exactly one of them have it, so nothing waits for a stale timeout.
SELECT id FROM sent_email
 WHERE status = 'reclamado'
    OR (status = 'error' AND next_attempt_at <= :now)
 ORDER BY id LIMIT :limit

-- name: start_sending
-- Only one sender gets a row; the others update nothing. Returns the e-mail with what its text shows of
-- the reservation (one statement per e-mail: the ladder's send speed depends on it).
WITH e AS (
    UPDATE sent_email SET status = 'enviando', attempts = attempts + 1, sending_since = now(), sending_by = :instance
     WHERE id = :id AND status IN ('reclamado', 'error')
    RETURNING id, reservation_id, kind, step, manual, while_pending, template, message_id, from_address, to_addresses,
              cc_addresses, reply_to, request_day, suspension_at, attempts)
SELECT e.*, r.status AS reservation_status, r.reservation_code, r.loc_interno, r.localizador, r.agency, r.hotel_name,
       r.hotel_phone, r.check_in, r.check_out, r.total_amount, r.currency,
       ARRAY(SELECT trim(coalesce(g.first_names, '') || ' ' || coalesce(g.last_names, ''))
               FROM reservation_room h JOIN reservation_guest g ON g.room_id = h.id
              WHERE h.reservation_id = r.id ORDER BY h.room_number, g.position) AS guests
  FROM e JOIN reservation r ON r.id = e.reservation_id

-- name: record_content
-- The e-mail exactly as it is handed to SMTP, recorded before it is.
UPDATE sent_email SET subject = :subject, body_html = :html, body_text = :text, content_sha256 = :sha
 WHERE id = :id AND status = 'enviando' AND sending_by = :instance

-- name: reservation_status
SELECT status FROM reservation WHERE id = :id

-- name: mark_sent
UPDATE sent_email SET status = 'enviado', sent_at = :sentAt, smtp_reply = :reply, last_error = NULL,
       next_attempt_at = NULL
 WHERE id = :id

-- name: mark_retry
UPDATE sent_email SET status = 'error', last_error = :error, smtp_reply = :reply, next_attempt_at = :nextAt WHERE id = :id

-- name: mark_failed
UPDATE sent_email SET status = 'fallido', last_error = :error, smtp_reply = :reply, next_attempt_at = NULL WHERE id = :id

-- name: mark_cancelled
UPDATE sent_email SET status = 'cancelado', last_error = :reason WHERE id = :id

-- name: attention
UPDATE reservation SET ladder_attention = :attention, updated_at = now() WHERE id = :id

-- name: suspend
UPDATE reservation SET status = 'suspendida', status_reason = :reason, next_step = NULL, next_step_at = NULL,
       updated_at = now()
 WHERE id = :id AND status = 'pendiente'

-- name: uncertain
-- Handed to SMTP by a process that is gone (crashed, restarted, stopped beating) or by this one
-- without its answer being recorded: it may have been delivered. Never sent again by itself.
UPDATE sent_email
   SET status = 'incierto', sent_at = COALESCE(sent_at, sending_since),
       smtp_reply = 'desconocido: el envío se interrumpió antes de registrar la respuesta del servidor'
 WHERE status = 'enviando'
   AND (claim_abandoned(sending_by, :instance, :instanceName, :staleSeconds)
        OR (sending_by = :instance AND id <> ALL (CAST(:inFlight AS bigint[]))
            AND id <> ALL (CAST(:unrecorded AS bigint[]))))
RETURNING id, reservation_id, kind, sending_by

-- name: hold_for_uncertain
-- An admin must say whether an uncertain e-mail arrived: the ladder waits (a pause) until resumed.
UPDATE reservation
   SET ladder_attention = :reason,
       ladder_paused_reason = CASE WHEN status = 'pendiente' THEN :reason ELSE ladder_paused_reason END,
       next_step_at = CASE WHEN status = 'pendiente' THEN 'infinity'::timestamptz ELSE next_step_at END,
       ladder_paused_until = CASE WHEN status = 'pendiente' THEN 'infinity'::timestamptz ELSE ladder_paused_until END,
       updated_at = now()
 WHERE id = :id

-- name: attempts
SELECT attempts FROM sent_email WHERE id = :id

-- name: find_by_code
SELECT id FROM reservation WHERE reservation_code = :code

-- name: agenda
-- Pending, unpaused reservations with their schedule and automatic send history, in one statement.
SELECT r.id, r.reservation_code, r.agency, r.ladder_started_at, r.created_at, c.ladder,
       c.ladder_days::text AS ladder_days, c.ladder_drop, h.sent::text AS sent
  FROM reservation r
  LEFT JOIN client c ON c.id = r.client_id
  LEFT JOIN LATERAL (SELECT jsonb_object_agg(e.step, e.sent_at) AS sent
                       FROM sent_email e
                      WHERE e.reservation_id = r.id AND NOT e.manual AND e.step IS NOT NULL
                        AND e.sent_at IS NOT NULL) h ON true
 WHERE r.id IN (
       -- unplanned first, then by next step: each part walks its own partial index
       (SELECT p.id FROM reservation p WHERE p.status = 'pendiente' AND p.next_step_at IS NULL ORDER BY p.id LIMIT :limit)
       UNION ALL
       (SELECT p.id FROM reservation p WHERE p.status = 'pendiente' AND p.next_step_at < 'infinity'
         ORDER BY p.next_step_at, p.id LIMIT :limit))
 ORDER BY r.next_step_at NULLS FIRST, r.id
 LIMIT :limit

-- name: override_upsert
INSERT INTO calendar_override (day, holiday, name, created_by) VALUES (:day, :holiday, :name, :actor)
ON CONFLICT (day) DO UPDATE SET holiday = EXCLUDED.holiday, name = EXCLUDED.name, created_by = EXCLUDED.created_by,
       created_at = now()

-- name: override_delete
DELETE FROM calendar_override WHERE day = :day

-- name: replan_all
-- The calendar changed: every pending reservation's next step is computed again on the next run.
UPDATE reservation SET next_step_at = NULL WHERE status = 'pendiente'
