-- Processed-mail records: claims, outcomes and reprocessing (mail intake).

-- name: claim
-- A new message gets an 'en_proceso' row; returns its id. Nothing when the key is known.
INSERT INTO processed_mail (mailbox, dedup_key, message_id, outcome, claimed_by, header_date)
VALUES (:mailbox, :key, :messageId, 'en_proceso', :instance, :date)
ON CONFLICT (mailbox, dedup_key) DO NOTHING
RETURNING id

-- name: take_over
-- An 'en_proceso' claim that is this instance's own (not in flight), released, left by an earlier run
-- of this instance (restart after a crash) or by an instance that stopped beating, is taken again.
UPDATE processed_mail
   SET claimed_by = :instance, attempts = attempts + 1, updated_at = now()
 WHERE mailbox = :mailbox AND dedup_key = :key AND outcome = 'en_proceso'
   AND (claimed_by = :instance OR claim_abandoned(claimed_by, :instance, :instanceName, :staleSeconds))
RETURNING id

-- name: release
-- The route failed without recording anything: let the next poll try again.
UPDATE processed_mail SET claimed_by = NULL, updated_at = now()
 WHERE mailbox = :mailbox AND dedup_key = :key AND outcome = 'en_proceso' AND claimed_by = :instance

-- name: find_claim
SELECT id FROM processed_mail WHERE mailbox = :mailbox AND dedup_key = :key

-- name: complete
UPDATE processed_mail
   SET message_id = :messageId, uid_validity = :uidValidity, uid = :uid, sender = :sender, subject = :subject,
       sent_at = :sentAt, in_reply_to = :inReplyTo, mail_references = :references, kind = :kind,
       outcome = :outcome, reason = :reason, error = :error, details = CAST(:details AS jsonb),
       raw_message = :raw, raw_sha256 = :rawSha256, post_action = :postAction,
       claimed_by = NULL, updated_at = now()
 WHERE id = :id AND outcome = 'en_proceso' AND claimed_by IN (:instance, 'reproceso-' || :instance)

-- name: record_failure
-- Anything unexpected: the error and the raw message are kept so the mail can be reprocessed.
UPDATE processed_mail
   SET outcome = 'error', error = :error, raw_message = COALESCE(:raw, raw_message),
       raw_sha256 = COALESCE(:rawSha256, raw_sha256), sender = COALESCE(:sender, sender),
       subject = COALESCE(:subject, subject), claimed_by = NULL, updated_at = now()
 WHERE id = :id AND outcome = 'en_proceso' AND claimed_by IN (:instance, 'reproceso-' || :instance)

-- name: load_for_reprocess
SELECT id, mailbox, dedup_key, outcome, raw_message, uid_validity, uid FROM processed_mail WHERE id = :id FOR UPDATE

-- name: start_reprocess
UPDATE processed_mail SET outcome = 'en_proceso', attempts = attempts + 1, claimed_by = :instance, updated_at = now()
 WHERE id = :id

-- name: failed_ids
SELECT id FROM processed_mail WHERE outcome = 'error' AND raw_message IS NOT NULL ORDER BY id

-- name: save_document
INSERT INTO document (sha256, file_name, content_type, size_bytes, content)
VALUES (:sha256, :fileName, 'application/pdf', :size, :content)
ON CONFLICT (sha256) DO UPDATE SET sha256 = EXCLUDED.sha256
RETURNING id

-- name: outcome
SELECT outcome, header_date FROM processed_mail WHERE mailbox = :mailbox AND dedup_key = :key

-- name: known
-- What the ledger knows of a poll's keys that a bulk claim could not take: handled ones and their Date.
SELECT dedup_key, outcome, header_date, claimed_by IS NOT DISTINCT FROM :instance AS mine FROM processed_mail
 WHERE mailbox = :mailbox AND dedup_key = ANY (CAST(:keys AS text[]))

-- name: claim_many
-- The new messages of a poll claimed in one statement, and those a dead instance left (as take_over,
-- but never one of this instance's own: it may be in flight); returns the keys claimed and their ids.
INSERT INTO processed_mail AS p (mailbox, dedup_key, message_id, outcome, claimed_by, header_date)
SELECT :mailbox, k, CASE WHEN k LIKE 'sha256:%' THEN NULL ELSE k END, 'en_proceso', :instance, NULLIF(d, '')
  FROM unnest(CAST(:keys AS text[]), CAST(:dates AS text[])) AS u(k, d)
ON CONFLICT (mailbox, dedup_key) DO UPDATE SET claimed_by = :instance, attempts = p.attempts + 1, updated_at = now()
 WHERE p.outcome = 'en_proceso' AND p.claimed_by IS DISTINCT FROM :instance
   AND claim_abandoned(p.claimed_by, :instance, :instanceName, :staleSeconds)
RETURNING dedup_key, id
