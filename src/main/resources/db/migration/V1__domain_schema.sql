-- Seguimiento OC: domain schema as known at the foundation. Later capabilities add migrations.
-- Money is NUMERIC with its currency, calendar dates are DATE, instants are TIMESTAMPTZ.

-- Corporate clients ("Agencia" in the PDF) and whether they owe a purchase order (OC).
CREATE TABLE client (
    id                  BIGSERIAL PRIMARY KEY,
    name                TEXT        NOT NULL,
    normalized_name     TEXT        NOT NULL UNIQUE,      -- case, accents, punctuation and spacing folded
    requires_oc         BOOLEAN     NOT NULL,
    contact_to          TEXT[]      NOT NULL DEFAULT '{}',
    contact_cc          TEXT[]      NOT NULL DEFAULT '{}',
    active              BOOLEAN     NOT NULL DEFAULT TRUE,
    notes               TEXT,
    reminder_days       INTEGER     CHECK (reminder_days > 0),   -- per-client ladder overrides (NULL = global)
    ultimatum_days      INTEGER     CHECK (ultimatum_days > 0),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ultimatum_days IS NULL OR reminder_days IS NULL OR ultimatum_days > reminder_days)
);

-- Other spellings of a client's name as printed on confirmations.
CREATE TABLE client_alias (
    id                  BIGSERIAL PRIMARY KEY,
    client_id           BIGINT      NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    alias               TEXT        NOT NULL,
    normalized_alias    TEXT        NOT NULL UNIQUE
);
CREATE INDEX client_alias_client_idx ON client_alias (client_id);

-- Every message a mailbox route has looked at, and what became of it.
CREATE TABLE processed_mail (
    id                  BIGSERIAL PRIMARY KEY,
    mailbox             TEXT        NOT NULL,             -- account/folder the message was read from
    dedup_key           TEXT        NOT NULL,             -- Message-ID, or sha256 of the raw message when absent
    message_id          TEXT,
    uid_validity        BIGINT,
    uid                 BIGINT,
    sender              TEXT,
    subject             TEXT,
    sent_at             TIMESTAMPTZ,                      -- the Date: header
    received_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind                TEXT        NOT NULL DEFAULT 'desconocido'
                        CHECK (kind IN ('desconocido', 'confirmacion', 'oc', 'respuesta', 'otro')),
    outcome             TEXT        NOT NULL
                        CHECK (outcome IN ('en_proceso', 'procesado', 'ignorado', 'duplicado', 'error')),
    reason              TEXT,                             -- why it was ignored, in words
    error               TEXT,                             -- what failed, when outcome = 'error'
    attempts            INTEGER     NOT NULL DEFAULT 1,
    raw_message         BYTEA,                            -- kept when processing failed, to reprocess it
    raw_sha256          CHAR(64),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (mailbox, dedup_key)
);
CREATE INDEX processed_mail_uid_idx ON processed_mail (mailbox, uid_validity, uid);
CREATE INDEX processed_mail_outcome_idx ON processed_mail (outcome, received_at DESC);

-- Files kept by the service (confirmation PDFs); content-addressed by SHA-256.
CREATE TABLE document (
    id                  BIGSERIAL PRIMARY KEY,
    sha256              CHAR(64)    NOT NULL UNIQUE,
    file_name           TEXT        NOT NULL,
    content_type        TEXT        NOT NULL DEFAULT 'application/pdf',
    size_bytes          INTEGER     NOT NULL,
    content             BYTEA       NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Reservations read from confirmation PDFs.
CREATE TABLE reservation (
    id                      BIGSERIAL PRIMARY KEY,
    reservation_code        TEXT          NOT NULL UNIQUE,   -- "ID:" in the PDF, or LOC Interno when absent
    loc_interno             TEXT          NOT NULL,
    localizador             TEXT,
    booking_status          TEXT,                            -- "Estado" as printed (Reservado, ...)
    agency                  TEXT          NOT NULL,          -- "Agencia" as printed
    client_id               BIGINT        REFERENCES client (id),
    issue_date              DATE,                            -- "Fecha Emisión"; NULL for INMEDIATO
    hotel_name              TEXT,
    hotel_address           TEXT,
    hotel_city              TEXT,
    hotel_phone             TEXT,
    check_in                DATE,
    check_out               DATE,
    arrival_time            TIME,
    departure_time          TIME,
    nights                  INTEGER,
    room_count              INTEGER,
    total_amount            NUMERIC(16,2) NOT NULL,
    currency                CHAR(3)       NOT NULL CHECK (currency IN ('CLP', 'USD', 'EUR')),
    cancellation_deadline   DATE,
    hotel_remarks           TEXT,
    advisor_notes           TEXT,
    layout                  TEXT          NOT NULL,          -- layout template that read the PDF
    status                  TEXT          NOT NULL
                            CHECK (status IN ('no_requiere_oc', 'pendiente', 'sin_contacto', 'revision',
                                              'recibida', 'suspendida', 'cancelada')),
    status_reason           TEXT,
    requires_oc             BOOLEAN,
    source_mail_id          BIGINT        REFERENCES processed_mail (id),
    pdf_document_id         BIGINT        REFERENCES document (id),
    pdf_sha256              CHAR(64),
    created_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    ladder_started_at       TIMESTAMPTZ
);
CREATE INDEX reservation_status_idx ON reservation (status);
CREATE INDEX reservation_loc_idx ON reservation (upper(loc_interno));
CREATE INDEX reservation_localizador_idx ON reservation (localizador);
CREATE INDEX reservation_client_idx ON reservation (client_id);
CREATE INDEX reservation_check_in_idx ON reservation (check_in);

CREATE TABLE reservation_room (
    id                  BIGSERIAL PRIMARY KEY,
    reservation_id      BIGINT      NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
    room_number         INTEGER     NOT NULL,
    category            TEXT,
    adults              INTEGER     NOT NULL DEFAULT 0,
    children            INTEGER     NOT NULL DEFAULT 0,
    meal_plan           TEXT,
    UNIQUE (reservation_id, room_number)
);

CREATE TABLE reservation_guest (
    id                  BIGSERIAL PRIMARY KEY,
    room_id             BIGINT      NOT NULL REFERENCES reservation_room (id) ON DELETE CASCADE,
    position            INTEGER     NOT NULL,
    guest_type          TEXT        NOT NULL,               -- ADT, CHD, INF as printed
    first_names         TEXT,
    last_names          TEXT,
    UNIQUE (room_id, position)
);

-- Ledger of e-mails the service sends: claimed before sending, marked sent after.
CREATE TABLE sent_email (
    id                  BIGSERIAL PRIMARY KEY,
    reservation_id      BIGINT      REFERENCES reservation (id),
    kind                TEXT        NOT NULL,               -- solicitud_inicial, recordatorio_dia2, ultimatum_dia4, ...
    level               INTEGER,                            -- ladder level 1..3; NULL for other mail
    manual              BOOLEAN     NOT NULL DEFAULT FALSE, -- an admin's deliberate resend
    status              TEXT        NOT NULL
                        CHECK (status IN ('reclamado', 'enviado', 'error', 'fallido', 'cancelado')),
    message_id          TEXT        UNIQUE,                 -- the Message-ID we generated
    from_address        TEXT,
    to_addresses        TEXT[]      NOT NULL DEFAULT '{}',
    cc_addresses        TEXT[]      NOT NULL DEFAULT '{}',
    reply_to            TEXT,
    subject             TEXT,
    body_html           TEXT,
    body_text           TEXT,
    template            TEXT,
    content_sha256      CHAR(64),
    attempts            INTEGER     NOT NULL DEFAULT 0,
    last_error          TEXT,
    smtp_reply          TEXT,
    claimed_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at     TIMESTAMPTZ,
    sent_at             TIMESTAMPTZ
);
-- One automatic send per ladder level and reservation, ever.
CREATE UNIQUE INDEX sent_email_level_once ON sent_email (reservation_id, level) WHERE NOT manual AND level IS NOT NULL;
CREATE INDEX sent_email_reservation_idx ON sent_email (reservation_id);

-- Purchase orders received (matched or waiting for a person).
CREATE TABLE purchase_order (
    id                  BIGSERIAL PRIMARY KEY,
    reservation_id      BIGINT      REFERENCES reservation (id),
    status              TEXT        NOT NULL CHECK (status IN ('asignada', 'sin_asignar', 'descartada')),
    oc_number           TEXT,
    sender              TEXT,
    subject             TEXT,
    sent_at             TIMESTAMPTZ,
    message_id          TEXT,
    source_mail_id      BIGINT      REFERENCES processed_mail (id),
    match_method        TEXT,
    match_confidence    NUMERIC(4,3),
    match_evidence      JSONB,
    candidates          JSONB,
    manual              BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_reservation_idx ON purchase_order (reservation_id);
CREATE INDEX purchase_order_status_idx ON purchase_order (status);

CREATE TABLE purchase_order_file (
    id                  BIGSERIAL PRIMARY KEY,
    purchase_order_id   BIGINT      NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    file_name           TEXT        NOT NULL,               -- sanitised name as stored
    original_name       TEXT,
    stored_path         TEXT        NOT NULL,               -- relative to the OC files directory
    sha256              CHAR(64)    NOT NULL,
    size_bytes          BIGINT      NOT NULL,
    content_type        TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What happened to what, by whom: every state change and admin action.
CREATE TABLE audit_event (
    id                  BIGSERIAL PRIMARY KEY,
    occurred_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor               TEXT        NOT NULL,               -- 'sistema', an admin user name, ...
    action              TEXT        NOT NULL,
    reservation_id      BIGINT      REFERENCES reservation (id),
    entity_type         TEXT,
    entity_id           BIGINT,
    details             JSONB
);
CREATE INDEX audit_event_reservation_idx ON audit_event (reservation_id, occurred_at);

-- Camel's JdbcMessageIdRepository table, owned here so the key column fits long Message-IDs.
CREATE TABLE camel_messageprocessed (
    processorname       VARCHAR(255)  NOT NULL,
    messageid           VARCHAR(1000) NOT NULL,
    createdat           TIMESTAMP     NOT NULL DEFAULT now(),
    PRIMARY KEY (processorname, messageid)
);
