-- Mail intake (issue 3): claims on processed mail, reservation content tracking, client lookups.

-- Who holds an 'en_proceso' claim (one service instance), so a crashed claim can be taken over.
ALTER TABLE processed_mail ADD COLUMN claimed_by TEXT;
ALTER TABLE processed_mail ADD COLUMN in_reply_to TEXT;
ALTER TABLE processed_mail ADD COLUMN mail_references TEXT;
ALTER TABLE processed_mail ADD COLUMN details JSONB;            -- one entry per attachment: what became of it
ALTER TABLE processed_mail ADD COLUMN post_action TEXT;         -- what was done to the message on the server
ALTER TABLE processed_mail ALTER COLUMN received_at SET DEFAULT now();

-- The agency as printed, normalised, so an unknown agency finds its client once one is added.
ALTER TABLE reservation ADD COLUMN agency_normalized TEXT;
-- The reservation as extracted (API JSON shape) and its hash: a re-sent confirmation is compared field by field.
ALTER TABLE reservation ADD COLUMN extracted JSONB;
ALTER TABLE reservation ADD COLUMN content_sha256 CHAR(64);
CREATE INDEX reservation_agency_normalized_idx ON reservation (agency_normalized);
CREATE INDEX reservation_created_idx ON reservation (created_at DESC);

-- Which mails produced or updated which reservation (a re-sent confirmation adds a row).
CREATE TABLE reservation_source (
    reservation_id      BIGINT      NOT NULL REFERENCES reservation (id) ON DELETE CASCADE,
    processed_mail_id   BIGINT      NOT NULL REFERENCES processed_mail (id),
    document_id         BIGINT      REFERENCES document (id),
    effect              TEXT        NOT NULL CHECK (effect IN ('creada', 'actualizada', 'sin_cambios')),
    occurred_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (reservation_id, processed_mail_id, effect)
);
CREATE INDEX reservation_source_mail_idx ON reservation_source (processed_mail_id);
