-- Purchase-order intake (issue 5): codes kept for matching later, reasons, pauses.

-- Codes seen in the OC (subject, body, names, PDF text), so an OC that arrived before its
-- confirmation is matched when the reservation appears.
ALTER TABLE purchase_order ADD COLUMN tokens TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE purchase_order ADD COLUMN reason TEXT;
CREATE INDEX purchase_order_unassigned_tokens_idx ON purchase_order USING gin (tokens) WHERE status = 'sin_asignar';

-- A paused ladder (a bounce, an admin's decision) is not planned or sent until resumed.
ALTER TABLE reservation ADD COLUMN ladder_paused_reason TEXT;
ALTER TABLE reservation ADD COLUMN ladder_paused_until TIMESTAMPTZ;
