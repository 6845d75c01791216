-- The admins' daily summary: one row per day, claimed by one replica, so it goes out once.
-- reclamado → enviando (handed to SMTP) → enviado; error (not handed over: retried); incierto (a
-- replica died while SMTP had it: not resent, shown to a person).
CREATE TABLE daily_summary (
    day             DATE        PRIMARY KEY,
    status          TEXT        NOT NULL CHECK (status IN ('reclamado', 'enviando', 'enviado', 'error', 'incierto')),
    claimed_by      TEXT,
    claimed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INT         NOT NULL DEFAULT 1,
    recipients      TEXT[]      NOT NULL DEFAULT '{}',
    subject         TEXT,
    message_id      TEXT,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT
);
