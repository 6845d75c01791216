-- Hardening (issue 9): claims with an owner and a heartbeat, uncertain sends held for a person.

-- Every running service instance beats here every few seconds. A claim whose instance stopped
-- beating (crashed, killed) is taken over by another instance; a restarted instance takes back the
-- claims of its previous run at once (same name, other incarnation: "<name>#<incarnation>").
CREATE TABLE service_instance (
    id              TEXT        PRIMARY KEY,           -- <name>#<incarnation>
    name            TEXT        NOT NULL,              -- stable across restarts: host:port
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who claimed a level and who handed it to SMTP.
ALTER TABLE sent_email ADD COLUMN claimed_by TEXT;
ALTER TABLE sent_email ADD COLUMN sending_by TEXT;

-- 'incierto': handed to SMTP by a process that died (or lost the database) before recording the
-- answer. It may have reached the client: it is never sent again by itself, an admin decides, and
-- the reservation's ladder waits (paused) until then.
ALTER TABLE sent_email DROP CONSTRAINT sent_email_status_check;
ALTER TABLE sent_email ADD CONSTRAINT sent_email_status_check
    CHECK (status IN ('reclamado', 'enviando', 'enviado', 'error', 'fallido', 'cancelado', 'incierto'));
CREATE INDEX sent_email_sending_idx ON sent_email (id) WHERE status = 'enviando';
CREATE INDEX processed_mail_claimed_idx ON processed_mail (claimed_by) WHERE outcome = 'en_proceso';

-- Is a claim held by `owner` abandoned, seen from instance `me` (named `my_name`)? Yes when nobody
-- holds it, when it is an earlier incarnation of `me` (restarted), or when its instance has not beaten
-- for `stale_seconds`. A reprocess claim ("reproceso-<id>") belongs to its instance.
CREATE FUNCTION claim_abandoned(owner TEXT, me TEXT, my_name TEXT, stale_seconds INTEGER) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT owner IS NULL
        OR (regexp_replace(owner, '^reproceso-', '') <> me
            AND (split_part(regexp_replace(owner, '^reproceso-', ''), '#', 1) = my_name
                 OR NOT EXISTS (SELECT 1 FROM service_instance i
                                 WHERE i.id = regexp_replace(owner, '^reproceso-', '')
                                   AND i.heartbeat_at > now() - make_interval(secs => stale_seconds))))
$$;
