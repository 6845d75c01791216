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
UPDATE reservation SET status = 'recibida', status_reason = :reason, next_step = NULL, next_step_at = NULL,
       updated_at = now()
 WHERE id = :id

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
SELECT tokens, oc_number FROM purchase_order WHERE id = :id

-- name: attention
UPDATE reservation SET ladder_attention = :attention, updated_at = now() WHERE id = :id
