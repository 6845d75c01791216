-- Read API: PostgreSQL builds the JSON (Spanish snake_case names) so Java only passes it through.

-- name: reservations
-- {filters} is one of the reservation_filters_* below (Api picks it): each shape is a statement text of
-- its own, so PostgreSQL keeps a plan of its own for it.
WITH f AS NOT MATERIALIZED (
    SELECT r.* FROM reservation r
     {filters}
)
SELECT json_build_object(
    -- by status alone (the usual list): the count kept in status_count, not a count of every row
    'total', CASE WHEN CAST(:agencia AS text) IS NULL AND CAST(:desde AS date) IS NULL AND CAST(:hasta AS date) IS NULL
                       AND CAST(:q AS text) IS NULL
                  THEN (SELECT COALESCE(sum(n), 0) FROM status_count
                         WHERE entity = 'reservation' AND (CAST(:estado AS text) IS NULL OR status = CAST(:estado AS text)))
                  ELSE (SELECT count(*) FROM f) END,
    'limit', CAST(:limit AS int),
    'offset', CAST(:offset AS int),
    -- json_agg of whole rows, whose column names are the keys: twice as fast as a json_build_object per
    -- row, which looks every argument's type up again on each call. Nothing stands between the sorted
    -- subquery and the aggregate, so the rows keep their order (PostgreSQL manual, "Aggregate Functions").
    'reservas', COALESCE((
        SELECT json_agg(x) FROM (
            SELECT reservation_code AS id_reserva, loc_interno, localizador, agency AS agencia, client_id AS cliente_id,
                   status AS estado, status_reason AS motivo_estado, requires_oc AS requiere_oc,
                   hotel_name AS nombre_hotel, check_in AS fecha_checkin, check_out AS fecha_checkout,
                   total_amount AS monto_total, currency AS moneda, created_at AS creada, updated_at AS actualizada
              FROM f ORDER BY created_at DESC, id DESC LIMIT CAST(:limit AS int) OFFSET CAST(:offset AS int)) x),
        '[]'::json))::text

-- Any combination of filters (each may be NULL): planned for the values of each call.
-- name: reservation_filters
WHERE (CAST(:estado AS text) IS NULL OR r.status = CAST(:estado AS text))
  AND (CAST(:agencia AS text) IS NULL OR r.agency_normalized LIKE CAST(:agencia AS text) || '%')
  AND (CAST(:desde AS date) IS NULL OR r.check_in >= CAST(:desde AS date))
  AND (CAST(:hasta AS date) IS NULL OR r.check_in <= CAST(:hasta AS date))

-- By status alone (the pendientes list, the dashboard's tabs) and no filter at all: the two lists people
-- open most, each a walk down one index (reservation_status_created_idx, reservation_created_idx) that
-- stops after one page, good for any value; so their cached plan is used (Api.cachedPlan).
-- name: reservation_filters_status
WHERE r.status = CAST(:estado AS text)

-- name: reservation_filters_none
WHERE true

-- The free search («q»): ID, LOC or localizador exactly, or a guest's surname (or full name) by its
-- start, each alternative its own index lookup. Api joins it into the list above as a statement of
-- its own: an IN (subquery) next to «q IS NULL», or an array of ids next to «ids IS NULL», leaves
-- PostgreSQL's cached generic plan scanning every reservation (7 s at a million, measured).
-- The search runs on its cached plan (planning it took 2-4 ms, running it 0.3 ms). A LIKE whose
-- pattern is a parameter cannot seek an index in such a plan, so the name prefix is also given as the
-- range it spans in the indexes' byte order (text_pattern_ops: from the prefix up to the prefix followed
-- by the last code point, U+10FFFF); the LIKE stays as the exact test.
-- name: search_ids
SELECT x.id FROM reservation x WHERE x.reservation_code = CAST(:q AS text)
UNION SELECT x.id FROM reservation x WHERE upper(x.loc_interno) = upper(CAST(:q AS text))
UNION SELECT x.id FROM reservation x WHERE x.localizador = CAST(:q AS text)
UNION SELECT h.reservation_id FROM reservation_guest g JOIN reservation_room h ON h.id = g.room_id
       WHERE lower(g.last_names) ~>=~ lower(CAST(:q AS text))
         AND lower(g.last_names) ~<~ (lower(CAST(:q AS text)) || chr(1114111))
         AND lower(g.last_names) LIKE CAST(:qPrefix AS text)
UNION SELECT h.reservation_id FROM reservation_guest g JOIN reservation_room h ON h.id = g.room_id
       WHERE lower(g.first_names || ' ' || g.last_names) ~>=~ lower(CAST(:q AS text))
         AND lower(g.first_names || ' ' || g.last_names) ~<~ (lower(CAST(:q AS text)) || chr(1114111))
         AND lower(g.first_names || ' ' || g.last_names) LIKE CAST(:qPrefix AS text)

-- name: reservation
SELECT json_build_object(
    'id', r.id, 'id_reserva', r.reservation_code, 'loc_interno', r.loc_interno, 'localizador', r.localizador,
    'estado_reserva', r.booking_status, 'agencia', r.agency, 'cliente', (
        SELECT json_build_object('id', c.id, 'nombre', c.name, 'requiere_oc', c.requires_oc, 'activo', c.active,
                                 'correos', c.contact_to, 'correos_cc', c.contact_cc)
          FROM client c WHERE c.id = r.client_id),
    'estado', r.status, 'motivo_estado', r.status_reason, 'requiere_oc', r.requires_oc,
    'fecha_emision', r.issue_date, 'nombre_hotel', r.hotel_name, 'direccion_hotel', r.hotel_address,
    'ciudad_hotel', r.hotel_city, 'telefono_hotel', r.hotel_phone, 'fecha_checkin', r.check_in,
    'hora_llegada', to_char(r.arrival_time, 'HH24:MI'), 'fecha_checkout', r.check_out,
    'hora_salida', to_char(r.departure_time, 'HH24:MI'), 'numero_noches', r.nights,
    'numero_habitaciones', r.room_count, 'monto_total', r.total_amount, 'moneda', r.currency,
    'fecha_limite_cancelacion', r.cancellation_deadline, 'observaciones_hotel', r.hotel_remarks,
    'notas_asesor', r.advisor_notes, 'plantilla', r.layout, 'pdf_sha256', r.pdf_sha256,
    'escalera_iniciada', r.ladder_started_at, 'proximo_paso', r.next_step, 'proximo_paso_desde', r.next_step_at,
    'requiere_atencion', r.ladder_attention, 'creada', r.created_at, 'actualizada', r.updated_at,
    'habitaciones', COALESCE((
        SELECT json_agg(json_build_object('numero', h.room_number, 'categoria', h.category, 'adultos', h.adults,
                'ninos', h.children, 'plan_alimentacion', h.meal_plan, 'huespedes', COALESCE((
                    SELECT json_agg(json_build_object('tipo', g.guest_type, 'nombres', g.first_names,
                            'apellidos', g.last_names) ORDER BY g.position)
                      FROM reservation_guest g WHERE g.room_id = h.id), '[]'::json)) ORDER BY h.room_number)
          FROM reservation_room h WHERE h.reservation_id = r.id), '[]'::json),
    'origen', COALESCE((
        SELECT json_agg(json_build_object('mensaje_id', m.id, 'efecto', s.effect, 'fecha', s.occurred_at,
                'remitente', m.sender, 'asunto', m.subject, 'message_id', m.message_id, 'buzon', m.mailbox)
                ORDER BY s.occurred_at)
          FROM reservation_source s JOIN processed_mail m ON m.id = s.processed_mail_id
         WHERE s.reservation_id = r.id), '[]'::json),
    'correos_enviados', COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'tipo', e.kind, 'paso', e.step, 'nivel', e.level, 'manual', e.manual,
                'estado', e.status, 'asunto', e.subject, 'para', e.to_addresses, 'cc', e.cc_addresses,
                'message_id', e.message_id, 'enviado', e.sent_at, 'intentos', e.attempts, 'error', e.last_error,
                'respuesta_smtp', e.smtp_reply, 'proximo_intento', e.next_attempt_at) ORDER BY e.claimed_at)
          FROM sent_email e WHERE e.reservation_id = r.id), '[]'::json),
    'ordenes_compra', COALESCE((
        SELECT json_agg(json_build_object('id', o.id, 'estado', o.status, 'numero_oc', o.oc_number,
                'remitente', o.sender, 'asunto', o.subject, 'metodo', o.match_method, 'recibida', o.created_at,
                'archivos', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'nombre', f.file_name, 'bytes', f.size_bytes)
                                               ORDER BY f.id) FROM purchase_order_file f WHERE f.purchase_order_id = o.id), '[]'::json))
                ORDER BY o.created_at)
          FROM purchase_order o WHERE o.reservation_id = r.id), '[]'::json),
    'eventos', COALESCE((
        SELECT json_agg(json_build_object('fecha', a.occurred_at, 'actor', a.actor, 'accion', a.action,
                'detalle', a.details) ORDER BY a.occurred_at, a.id)
          FROM audit_event a WHERE a.reservation_id = r.id), '[]'::json)
)::text
  FROM reservation r WHERE r.reservation_code = :code

-- name: stats
-- Counts by status come from status_count (kept by triggers, V12); what depends on today is counted
-- on partial indexes of the open reservations. No parameters: PostgreSQL plans it once per connection
-- (with a date parameter it planned it again on every call, which cost more than running it).
WITH c AS (SELECT entity, status, sum(n)::bigint AS n FROM status_count GROUP BY entity, status)
SELECT json_build_object(
    'total_reservas', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation'),
    'por_estado', (SELECT json_object_agg(s.code, COALESCE(c.n, 0))
                     FROM unnest(ARRAY['no_requiere_oc','pendiente','sin_contacto','revision','recibida',
                                       'suspendida','cancelada']) AS s(code)
                     LEFT JOIN c ON c.entity = 'reservation' AND c.status = s.code),
    'oc_recibidas', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'purchase_order' AND status = 'asignada'),
    'oc_sin_asignar', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'purchase_order' AND status = 'sin_asignar'),
    -- the stay has begun and the OC is still owed: all open ones (counted) less those still to come (the
    -- booking horizon, few; the old unresolved ones only grow)
    'vencidas', (SELECT COALESCE(sum(n), 0) FROM c WHERE entity = 'reservation'
                    AND status IN ('pendiente', 'sin_contacto', 'suspendida'))
              - (SELECT count(*) FROM reservation
                  WHERE status IN ('pendiente', 'sin_contacto', 'suspendida') AND check_in > (now() AT TIME ZONE 'America/Santiago')::date)
              -- apart, not OR-ed: a cached generic plan would filter the whole index instead of seeking
              - (SELECT count(*) FROM reservation
                  WHERE status IN ('pendiente', 'sin_contacto', 'suspendida') AND check_in IS NULL),
    'agencias_desconocidas', (SELECT count(DISTINCT agency_normalized) FROM reservation
                               WHERE status = 'revision' AND client_id IS NULL),
    'mensajes', COALESCE((SELECT json_object_agg(status, n) FROM c WHERE entity = 'processed_mail' AND n <> 0), '{}'::json)
)::text

-- name: messages
WITH f AS NOT MATERIALIZED (
    SELECT * FROM processed_mail
     WHERE (CAST(:resultado AS text) IS NULL OR outcome = CAST(:resultado AS text))
       AND (CAST(:tipo AS text) IS NULL OR kind = CAST(:tipo AS text))
)
SELECT json_build_object(
    'total', (SELECT count(*) FROM f),
    'limit', CAST(:limit AS int),
    'offset', CAST(:offset AS int),
    'mensajes', COALESCE((
        SELECT json_agg(json_build_object(
            'id', x.id, 'buzon', x.mailbox, 'message_id', x.message_id, 'uid_validity', x.uid_validity,
            'uid', x.uid, 'remitente', x.sender, 'asunto', x.subject, 'fecha_envio', x.sent_at,
            'recibido', x.received_at, 'tipo', x.kind, 'resultado', x.outcome, 'motivo', x.reason,
            'error', x.error, 'intentos', x.attempts, 'reprocesable', x.raw_message IS NOT NULL,
            'accion_posterior', x.post_action, 'adjuntos', x.details,
            'reservas', COALESCE((SELECT json_agg(json_build_object('id_reserva', r.reservation_code, 'efecto', s.effect))
                                   FROM reservation_source s JOIN reservation r ON r.id = s.reservation_id
                                  WHERE s.processed_mail_id = x.id), '[]'::json),
            'actualizado', x.updated_at) ORDER BY x.id DESC)
          FROM (SELECT * FROM f ORDER BY id DESC LIMIT CAST(:limit AS int) OFFSET CAST(:offset AS int)) x),
        '[]'::json))::text

-- name: clients
SELECT json_build_object(
    'clientes', COALESCE((
        SELECT json_agg(json_build_object(
            'id', c.id, 'nombre', c.name, 'nombre_normalizado', c.normalized_name, 'requiere_oc', c.requires_oc,
            'correos', c.contact_to, 'correos_cc', c.contact_cc, 'activo', c.active, 'notas', c.notes,
            'escalera', c.ladder, 'dias_escalera', c.ladder_days, 'omitir_niveles', c.ladder_drop,
            'alias', COALESCE((SELECT json_agg(a.alias ORDER BY a.alias) FROM client_alias a WHERE a.client_id = c.id), '[]'::json),
            'reservas_abiertas', (SELECT count(*) FROM reservation r WHERE r.client_id = c.id
                                    AND r.status IN ('pendiente', 'sin_contacto', 'revision', 'suspendida')))
            ORDER BY c.name)
          FROM (SELECT * FROM client ORDER BY name, id LIMIT :limit OFFSET :offset) c), '[]'::json),
    'total', (SELECT count(*) FROM client),
    'limit', :limit,
    'offset', :offset,
    -- agencies printed on confirmations that no client or alias matches: an admin decides
    'agencias_desconocidas', COALESCE((
        SELECT json_agg(json_build_object('agencia', u.agency, 'reservas', u.n, 'ultima', u.last) ORDER BY u.last DESC)
          FROM (SELECT min(agency) AS agency, count(*) AS n, max(created_at) AS last FROM reservation
                 WHERE client_id IS NULL AND status = 'revision' GROUP BY agency_normalized) u), '[]'::json)
)::text
