-- Reservations from confirmation PDFs: insert, compare, update, re-evaluate.

-- name: find_client
-- The client an agency name belongs to, by normalised name or alias.
SELECT c.id, c.name, c.requires_oc, c.active, c.contact_to
  FROM client c
 WHERE c.normalized_name = :normalized
    OR c.id = (SELECT a.client_id FROM client_alias a WHERE a.normalized_alias = :normalized)
 LIMIT 1

-- name: insert
INSERT INTO reservation (reservation_code, loc_interno, localizador, booking_status, agency, agency_normalized,
        client_id, issue_date, hotel_name, hotel_address, hotel_city, hotel_phone, check_in, check_out,
        arrival_time, departure_time, nights, room_count, total_amount, currency, cancellation_deadline,
        hotel_remarks, advisor_notes, layout, status, status_reason, requires_oc, source_mail_id,
        pdf_document_id, pdf_sha256, extracted, content_sha256, ladder_started_at)
VALUES (:code, :loc, :localizador, :bookingStatus, :agency, :agencyNormalized,
        :clientId, :issueDate, :hotelName, :hotelAddress, :hotelCity, :hotelPhone, :checkIn, :checkOut,
        :arrivalTime, :departureTime, :nights, :roomCount, :totalAmount, :currency, :cancellationDeadline,
        :hotelRemarks, :advisorNotes, :layout, :status, :statusReason, :requiresOc, :mailId,
        :documentId, :pdfSha256, CAST(:extracted AS jsonb), :contentSha256,
        CASE WHEN :status = 'pendiente' THEN CAST(:now AS timestamptz) END)
ON CONFLICT (reservation_code) DO NOTHING
RETURNING id

-- name: lock_by_code
SELECT id, status, agency_normalized, extracted::text AS extracted, content_sha256
  FROM reservation WHERE reservation_code = :code FOR UPDATE

-- name: update_content
-- A re-sent confirmation with changed content: new values, same status and ladder.
UPDATE reservation
   SET loc_interno = :loc, localizador = :localizador, booking_status = :bookingStatus, agency = :agency,
       agency_normalized = :agencyNormalized, issue_date = :issueDate, hotel_name = :hotelName,
       hotel_address = :hotelAddress, hotel_city = :hotelCity, hotel_phone = :hotelPhone, check_in = :checkIn,
       check_out = :checkOut, arrival_time = :arrivalTime, departure_time = :departureTime, nights = :nights,
       room_count = :roomCount, total_amount = :totalAmount, currency = :currency,
       cancellation_deadline = :cancellationDeadline, hotel_remarks = :hotelRemarks, advisor_notes = :advisorNotes,
       layout = :layout, pdf_document_id = :documentId, pdf_sha256 = :pdfSha256,
       extracted = CAST(:extracted AS jsonb), content_sha256 = :contentSha256, updated_at = now()
 WHERE id = :id

-- name: delete_rooms
DELETE FROM reservation_room WHERE reservation_id = :id

-- name: insert_room
INSERT INTO reservation_room (reservation_id, room_number, category, adults, children, meal_plan)
VALUES (:reservationId, :number, :category, :adults, :children, :mealPlan)
RETURNING id

-- name: insert_guest
INSERT INTO reservation_guest (room_id, position, guest_type, first_names, last_names)
VALUES (:roomId, :position, :type, :firstNames, :lastNames)

-- name: insert_source
INSERT INTO reservation_source (reservation_id, processed_mail_id, document_id, effect)
VALUES (:reservationId, :mailId, :documentId, :effect)
ON CONFLICT DO NOTHING

-- name: set_status
UPDATE reservation
   SET status = :status, status_reason = :reason, requires_oc = :requiresOc, client_id = :clientId,
       ladder_started_at = CASE WHEN :status = 'pendiente' THEN COALESCE(ladder_started_at, CAST(:now AS timestamptz))
                                ELSE ladder_started_at END,
       -- entering the ladder (again): the ladder plans the next step
       next_step_at = CASE WHEN :status = 'pendiente' AND status <> 'pendiente' THEN NULL ELSE next_step_at END,
       updated_at = now()
 WHERE id = :id

-- name: reevaluable_for_client
-- Open reservations a change to this client may affect: linked to it, or unknown agencies now matching it.
SELECT r.id, r.status, r.agency, r.client_id
  FROM reservation r
 WHERE r.status IN ('no_requiere_oc', 'pendiente', 'sin_contacto', 'revision')
   AND (r.client_id = :clientId
        OR (r.client_id IS NULL AND r.agency_normalized IN (
              SELECT normalized_name FROM client WHERE id = :clientId
              UNION SELECT normalized_alias FROM client_alias WHERE client_id = :clientId)))
 FOR UPDATE

-- name: audit
INSERT INTO audit_event (actor, action, reservation_id, entity_type, entity_id, details)
VALUES (:actor, :action, :reservationId, :entityType, :entityId, CAST(:details AS jsonb))
