-- Bench data at {{n}} reservations (bench/pages.sh, bench/api.sh): 500 clients; each reservation with a
-- room and a guest (10 % pending, 1 % suspended, 1 % in review, the rest received or not requiring an
-- OC); an OC for half the received ones over 90 days (1 in 1,000 unassigned); the request and a
-- reminder for 30 %; a processed message per 20 reservations (1 in 500 an error). Dates are around
-- Monday 2026-07-06 (the bench's test clock). Statements end with ";" at the end of a line.
INSERT INTO client (name, normalized_name, requires_oc, contact_to)
SELECT 'Cliente ' || g, 'CLIENTE ' || g, g % 2 = 0, ARRAY['compras' || g || '@bench.cl'] FROM generate_series(1, 500) g;
INSERT INTO reservation (reservation_code, loc_interno, localizador, agency, agency_normalized, client_id,
       total_amount, currency, layout, status, requires_oc, ladder_started_at, next_step, next_step_at,
       hotel_name, check_in, check_out, created_at)
SELECT 'B' || g, 'L' || g, (900000 + g)::text, 'Cliente ' || (g % 500 + 1), 'CLIENTE ' || (g % 500 + 1),
       g % 500 + 1, 100000 + g, 'CLP', 'hotelsales-resumen-de-servicios',
       CASE WHEN g % 10 = 0 THEN 'pendiente' WHEN g % 97 = 0 THEN 'suspendida' WHEN g % 89 = 0 THEN 'revision'
            WHEN g % 3 = 0 THEN 'no_requiere_oc' ELSE 'recibida' END,
       true, TIMESTAMPTZ '2026-07-06 13:00:00+00' - (g % 120) * interval '1 day',
       CASE WHEN g % 10 = 0 THEN 'recordatorio' END,
       CASE WHEN g % 10 = 0 THEN TIMESTAMPTZ '2026-07-06 13:00:00+00' + (g % 300) * interval '1 hour' END,
       'Hotel ' || (g % 800), DATE '2026-05-01' + (g % 200), DATE '2026-05-03' + (g % 200),
       TIMESTAMPTZ '2026-07-06 13:00:00+00' - ({{n}} - g) * interval '10 seconds'
  FROM generate_series(1, {{n}}) AS g;
INSERT INTO reservation_room (reservation_id, room_number, category, adults)
SELECT id, 1, 'Doble', 2 FROM reservation;
INSERT INTO reservation_guest (room_id, position, guest_type, first_names, last_names)
SELECT h.id, 1, 'ADT', 'NOMBRE', 'APELLIDO' || h.reservation_id FROM reservation_room h;
INSERT INTO purchase_order (reservation_id, status, oc_number, sender, subject, match_method, created_at, updated_at)
SELECT r.id, CASE WHEN r.id % 1000 = 1 THEN 'sin_asignar' ELSE 'asignada' END, 'OC' || r.id, 'x@bench.cl',
       'OC ' || r.id, CASE WHEN r.id % 7 = 0 THEN 'manual' ELSE 'codigo' END,
       TIMESTAMPTZ '2026-07-06 13:00:00+00' - (r.id % 90) * interval '1 day',
       TIMESTAMPTZ '2026-07-06 13:00:00+00' - (r.id % 90) * interval '1 day'
  FROM reservation r WHERE r.status = 'recibida' AND r.id % 2 = 0;
UPDATE purchase_order SET reservation_id = NULL WHERE status = 'sin_asignar';
INSERT INTO sent_email (reservation_id, kind, step, status, subject, to_addresses, sent_at, claimed_at, message_id)
SELECT r.id, x.step, x.step, 'enviado', 'Asunto', ARRAY['a@b.cl'],
       r.ladder_started_at + x.n * interval '2 days', r.ladder_started_at, '<' || r.id || '-' || x.n || '@bench>'
  FROM reservation r CROSS JOIN (VALUES (0, 'solicitud_inicial'), (1, 'recordatorio')) AS x(n, step)
 WHERE r.id % 10 < 3;
INSERT INTO processed_mail (mailbox, dedup_key, sender, subject, kind, outcome, reason, received_at)
SELECT 'confirmaciones', 'k' || g, 'reservasonline@hotelsales.cl', 'Confirmación ' || g, 'confirmacion',
       CASE WHEN g % 500 = 0 THEN 'error' ELSE 'procesado' END, NULL,
       TIMESTAMPTZ '2026-07-06 13:00:00+00' - g * interval '1 minute' FROM generate_series(1, {{n}} / 20) g;
