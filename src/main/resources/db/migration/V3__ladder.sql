-- Escalation ladder (issue 4): calendar changes, the next step of each reservation, send states, test clock.

-- Dates an admin adds as holidays (elections, decreed holidays) or removes from the rules.
CREATE TABLE calendar_override (
    day             DATE        PRIMARY KEY,
    holiday         BOOLEAN     NOT NULL,          -- true: not a business day; false: a rule holiday that is worked
    name            TEXT,
    created_by      TEXT        NOT NULL DEFAULT 'sistema',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What the ladder does next for a reservation and from when (kept by the ladder; NULL = plan it).
ALTER TABLE reservation ADD COLUMN next_step TEXT;
ALTER TABLE reservation ADD COLUMN next_step_at TIMESTAMPTZ;
ALTER TABLE reservation ADD COLUMN ladder_attention TEXT;     -- why an admin must look (permanent send failure, ...)
CREATE INDEX reservation_ladder_due_idx ON reservation (next_step_at) WHERE status = 'pendiente';
CREATE INDEX reservation_ladder_plan_idx ON reservation (id) WHERE status = 'pendiente' AND next_step_at IS NULL;

-- 'enviando': handed to the SMTP server, answer not yet recorded (a crash here is resolved on restart).
ALTER TABLE sent_email DROP CONSTRAINT sent_email_status_check;
ALTER TABLE sent_email ADD CONSTRAINT sent_email_status_check
    CHECK (status IN ('reclamado', 'enviando', 'enviado', 'error', 'fallido', 'cancelado'));
ALTER TABLE sent_email ADD COLUMN sending_since TIMESTAMPTZ;   -- when it was handed to SMTP (this attempt)
CREATE INDEX sent_email_retry_idx ON sent_email (next_attempt_at) WHERE status IN ('reclamado', 'error');

-- The simulated clock (OC_TEST_CLOCK=true only): offset from real time, survives restarts.
CREATE TABLE service_clock (
    id              INTEGER     PRIMARY KEY CHECK (id = 1),
    offset_ms       BIGINT      NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
