-- The ladder as data (ladder.yaml): levels are named, not numbered.

-- A send is "once per reservation and step": the ladder level's name, or the notice's kind.
ALTER TABLE sent_email ADD COLUMN step TEXT;
-- Client e-mails of the ladder go out only while the reservation is still pending.
ALTER TABLE sent_email ADD COLUMN while_pending BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE sent_email
   SET step = CASE level WHEN 1 THEN 'solicitud_inicial' WHEN 2 THEN 'recordatorio' WHEN 3 THEN 'ultimatum'
                         WHEN 4 THEN 'suspension' ELSE kind END,
       while_pending = level IN (1, 2, 3)
 WHERE level IS NOT NULL;
DROP INDEX sent_email_level_once;
CREATE UNIQUE INDEX sent_email_step_once ON sent_email (reservation_id, step) WHERE NOT manual AND step IS NOT NULL;
-- "level" stays as the level's position when it was sent, for reading; nothing depends on it.
UPDATE sent_email SET level = NULL WHERE level > 3;

UPDATE reservation SET next_step = 'recordatorio' WHERE next_step = 'recordatorio_dia2';
UPDATE reservation SET next_step = 'ultimatum' WHERE next_step = 'ultimatum_dia4';

-- A client's ladder: a variant of ladder.yaml, its own business days per level, levels it skips.
ALTER TABLE client ADD COLUMN ladder TEXT;
ALTER TABLE client ADD COLUMN ladder_days JSONB NOT NULL DEFAULT '{}';
ALTER TABLE client ADD COLUMN ladder_drop TEXT[] NOT NULL DEFAULT '{}';
UPDATE client
   SET ladder_days = jsonb_strip_nulls(jsonb_build_object('recordatorio', reminder_days, 'ultimatum', ultimatum_days))
 WHERE reminder_days IS NOT NULL OR ultimatum_days IS NOT NULL;
ALTER TABLE client DROP COLUMN reminder_days;
ALTER TABLE client DROP COLUMN ultimatum_days;

-- What a ladder e-mail's text needs besides the reservation, fixed when it is claimed; the e-mail is
-- rendered when it is sent and recorded (subject, bodies) before it reaches SMTP.
ALTER TABLE sent_email ADD COLUMN request_day DATE;
ALTER TABLE sent_email ADD COLUMN suspension_at TIMESTAMPTZ;

-- A level nobody can receive (a note to the client's CC when it has none) is recorded as skipped
-- ('omitido', with the reason), so the ladder goes on instead of waiting for a person forever.
ALTER TABLE sent_email DROP CONSTRAINT sent_email_status_check;
ALTER TABLE sent_email ADD CONSTRAINT sent_email_status_check
    CHECK (status IN ('reclamado', 'enviando', 'enviado', 'error', 'fallido', 'cancelado', 'incierto', 'omitido'));
