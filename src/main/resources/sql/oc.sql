-- Purchase orders: matching catalog, storage, assignment.

-- name: by_message_ids
SELECT DISTINCT r.id, r.reservation_code, r.loc_interno, r.localizador, r.status
  FROM sent_email e JOIN reservation r ON r.id = e.reservation_id
 WHERE e.message_id = ANY(CAST(:ids AS text[]))

-- name: by_codes
SELECT r.id, r.reservation_code, r.loc_interno, r.localizador, r.status
  FROM reservation r
 WHERE r.reservation_code = ANY(CAST(:tokens AS text[]))
    OR upper(r.loc_interno) = ANY(CAST(:tokens AS text[]))
    OR r.localizador = ANY(CAST(:tokens AS text[]))

-- name: open_for_sender
-- Open reservations of the client whose contacts include this address, or share its (non-public) domain.
SELECT r.id, r.reservation_code, r.loc_interno, r.localizador, r.status
  FROM reservation r JOIN client c ON c.id = r.client_id
 WHERE r.status IN ('pendiente', 'sin_contacto', 'suspendida')
   AND (:address = ANY(c.contact_to) OR :address = ANY(c.contact_cc)
        OR (CAST(:domain AS text) IS NOT NULL AND EXISTS (
              SELECT 1 FROM unnest(c.contact_to || c.contact_cc) AS a(addr)
               WHERE lower(split_part(a.addr, '@', 2)) = :domain)))

-- name: insert
INSERT INTO purchase_order (reservation_id, status, oc_number, sender, subject, sent_at, message_id, source_mail_id,
                            match_method, match_confidence, match_evidence, candidates, tokens, reason)
VALUES (:reservationId, :status, :ocNumber, :sender, :subject, :sentAt, :messageId, :mailId, :method, :confidence,
        CAST(:evidence AS jsonb), CAST(:candidates AS jsonb), CAST(:tokens AS text[]), :reason)
RETURNING id

-- name: insert_file
INSERT INTO purchase_order_file (purchase_order_id, file_name, original_name, stored_path, sha256, size_bytes, content_type)
VALUES (:poId, :fileName, :originalName, :storedPath, :sha256, :size, :contentType)

-- name: lock_reservation
SELECT id, reservation_code, status FROM reservation WHERE id = :id FOR UPDATE

-- name: receive
-- answers how long the OC took, from the first request (or the intake), for the time-to-OC histogram
UPDATE reservation SET status = 'recibida', status_reason = :reason, next_step = NULL, next_step_at = NULL,
       updated_at = now()
 WHERE id = :id
RETURNING extract(epoch FROM now() - coalesce(ladder_started_at, created_at))::float8 AS waited

-- name: unassigned_for_tokens
-- Waiting OCs that mention one of a new reservation's codes.
SELECT id FROM purchase_order
 WHERE status = 'sin_asignar' AND tokens && CAST(:tokens AS text[])
 ORDER BY id
   FOR UPDATE SKIP LOCKED

-- name: assign
UPDATE purchase_order SET reservation_id = :reservationId, status = 'asignada', match_method = :method,
       match_confidence = :confidence, reason = NULL, updated_at = now()
 WHERE id = :id

-- name: pause
UPDATE reservation SET ladder_paused_reason = :reason, ladder_paused_until = 'infinity', next_step_at = 'infinity',
       ladder_attention = :reason, updated_at = now()
 WHERE id = :id AND status = 'pendiente'

-- name: po_tokens
SELECT tokens, oc_number, sender FROM purchase_order WHERE id = :id

-- name: sender_trust
-- Is the sender one of the reservation's client's contacts (address, or the same non-public domain)?
SELECT c.name AS client_name,
       COALESCE(CAST(:address AS text) = ANY(c.contact_to) OR CAST(:address AS text) = ANY(c.contact_cc)
                OR (CAST(:domain AS text) IS NOT NULL AND EXISTS (
                      SELECT 1 FROM unnest(c.contact_to || c.contact_cc) AS a(addr)
                       WHERE lower(split_part(a.addr, '@', 2)) = CAST(:domain AS text))), false) AS contact
  FROM reservation r LEFT JOIN client c ON c.id = r.client_id
 WHERE r.id = :id

-- name: untrusted
-- A waiting OC whose code now names a reservation, but from a sender the client does not know.
UPDATE purchase_order SET candidates = CAST(:candidates AS jsonb), reason = :reason, updated_at = now() WHERE id = :id

-- name: attention
UPDATE reservation SET ladder_attention = :attention, updated_at = now() WHERE id = :id

-- name: unassigned
-- One page of the unmatched queue, newest first, with the queue's size.
SELECT json_build_object('total', (SELECT count(*) FROM purchase_order WHERE status = 'sin_asignar'),
       'limit', :limit, 'offset', :offset, 'ordenes', COALESCE(json_agg(json_build_object(
         'id', o.id, 'recibida', o.created_at, 'remitente', o.sender, 'asunto', o.subject, 'numero_oc', o.oc_number,
         'motivo', o.reason, 'candidatos', o.candidates, 'evidencia', o.match_evidence, 'mensaje_id', o.source_mail_id,
         'archivos', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'nombre', f.file_name, 'ruta', f.stored_path,
                                'sha256', f.sha256, 'bytes', f.size_bytes) ORDER BY f.id)
                                FROM purchase_order_file f WHERE f.purchase_order_id = o.id), '[]'::json))
         ORDER BY o.created_at DESC, o.id DESC), '[]'::json))::text
  FROM (SELECT * FROM purchase_order WHERE status = 'sin_asignar' ORDER BY created_at DESC, id DESC
         LIMIT :limit OFFSET :offset) o

-- name: lock_po
SELECT id, status, oc_number, reservation_id FROM purchase_order WHERE id = :id FOR UPDATE

-- name: assign_manual
UPDATE purchase_order SET reservation_id = :reservationId, status = 'asignada', match_method = 'manual',
       match_confidence = 1, manual = true, reason = NULL, updated_at = now()
 WHERE id = :id

-- name: discard
UPDATE purchase_order SET status = 'descartada', reason = :reason, updated_at = now() WHERE id = :id

-- name: insert_manual
INSERT INTO purchase_order (reservation_id, status, oc_number, match_method, match_confidence, manual, reason)
VALUES (:reservationId, 'asignada', :ocNumber, 'manual', 1, true, :reason)
RETURNING id

-- name: reservation_by_code
SELECT id, status FROM reservation WHERE reservation_code = :code

-- name: pause_manual
UPDATE reservation SET ladder_paused_reason = :reason,
       ladder_paused_until = COALESCE(CAST(:until AS timestamptz), 'infinity'),
       next_step_at = COALESCE(CAST(:until AS timestamptz), 'infinity'), updated_at = now()
 WHERE id = :id AND status = 'pendiente'

-- name: resume
UPDATE reservation SET ladder_paused_reason = NULL, ladder_paused_until = NULL, next_step_at = NULL,
       ladder_attention = NULL, updated_at = now()
 WHERE id = :id AND status = 'pendiente'

-- name: file
SELECT f.file_name, f.stored_path, f.content_type, f.size_bytes FROM purchase_order_file f WHERE f.id = :id

-- name: cancel
-- A cancelled stay owes no OC: the ladder stops (client e-mails go out only while pending).
WITH old AS (SELECT id, status FROM reservation WHERE id = :id AND status <> 'cancelada' FOR UPDATE)
UPDATE reservation r SET status = 'cancelada', status_reason = :reason, next_step = NULL, next_step_at = NULL,
       ladder_attention = NULL, updated_at = now()
  FROM old WHERE r.id = old.id
RETURNING old.status

-- name: confirmation_pdf
SELECT d.file_name, d.content FROM reservation r JOIN document d ON d.id = r.pdf_document_id WHERE r.reservation_code = :code
