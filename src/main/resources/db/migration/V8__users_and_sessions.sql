-- People who use the dashboard and the API. Roles: admin (everything, plus users), operador (acts on
-- reservations, OCs, clients and messages), lector (reads only). Passwords are bcrypt hashes.
CREATE TABLE app_user (
    id                  BIGSERIAL   PRIMARY KEY,
    username            TEXT        NOT NULL,
    display_name        TEXT,
    role                TEXT        NOT NULL CHECK (role IN ('admin', 'operador', 'lector')),
    password_hash       TEXT        NOT NULL,
    active              BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by          TEXT        NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username));

-- A browser session: the cookie holds a random token, the table its SHA-256 (a copy of the table
-- opens no session). Idle sessions expire (last_seen_at); logout deletes the row, on every replica.
CREATE TABLE web_session (
    token_hash          BYTEA       PRIMARY KEY,
    user_id             BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    remote_address      TEXT,
    user_agent          TEXT
);
CREATE INDEX web_session_user_idx ON web_session (user_id);
CREATE INDEX web_session_seen_idx ON web_session (last_seen_at);

-- Personal API tokens (Authorization: Bearer soc_...): stored as SHA-256, shown once when created.
CREATE TABLE api_token (
    id                  BIGSERIAL   PRIMARY KEY,
    user_id             BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name                TEXT        NOT NULL,
    token_hash          BYTEA       NOT NULL UNIQUE,
    prefix              TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at        TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Failed logins per user name and per address, shared by every replica.
CREATE TABLE login_failure (
    key                 TEXT        PRIMARY KEY,       -- 'usuario:<name>' or 'ip:<address>'
    failures            INT         NOT NULL,
    first_failure_at    TIMESTAMPTZ NOT NULL,
    blocked_until       TIMESTAMPTZ
);

-- The dashboard's search by guest name (prefix, case-insensitive) and its charts of received OCs.
CREATE INDEX reservation_guest_last_names_idx ON reservation_guest (lower(last_names) text_pattern_ops);
CREATE INDEX purchase_order_assigned_idx ON purchase_order (created_at) WHERE status = 'asignada';
CREATE INDEX reservation_pending_started_idx ON reservation (ladder_started_at) WHERE status = 'pendiente';
CREATE INDEX reservation_guest_full_name_idx ON reservation_guest (lower(first_names || ' ' || last_names) text_pattern_ops);
CREATE INDEX sent_email_needs_person_idx ON sent_email (id) WHERE status IN ('fallido', 'incierto');

-- Lists newest first at a million reservations: a page is one index range (a status filter walks it
-- too; every index here is written again on each ladder update, so there is one, not one per filter).
DROP INDEX reservation_created_idx;
CREATE INDEX reservation_created_idx ON reservation (created_at DESC, id DESC);
-- Clientes: each client's open reservations.
CREATE INDEX reservation_client_open_idx ON reservation (client_id)
    WHERE status IN ('pendiente', 'sin_contacto', 'revision', 'suspendida');
-- The agency filter matches the normalised name by its start, whatever the database's collation
-- (this operator class also serves equality, so it replaces the plain index).
DROP INDEX reservation_agency_normalized_idx;
CREATE INDEX reservation_agency_normalized_idx ON reservation (agency_normalized text_pattern_ops);
