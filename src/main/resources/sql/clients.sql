-- Clients (agencies) and their aliases.

-- name: find_by_normalized
SELECT id, name, requires_oc, active, contact_to, contact_cc, notes, ladder, ladder_days::text AS ladder_days, ladder_drop
  FROM client
 WHERE normalized_name = :normalized
    OR id = (SELECT client_id FROM client_alias WHERE normalized_alias = :normalized)
 LIMIT 1

-- name: insert
INSERT INTO client (name, normalized_name, requires_oc, contact_to, contact_cc, active, notes, ladder, ladder_days,
                    ladder_drop)
VALUES (:name, :normalized, :requiresOc, CAST(:contactTo AS text[]), CAST(:contactCc AS text[]), :active, :notes, :ladder,
        CAST(:ladderDays AS jsonb), CAST(:ladderDrop AS text[]))
RETURNING id

-- name: update
UPDATE client
   SET requires_oc = :requiresOc, contact_to = CAST(:contactTo AS text[]), contact_cc = CAST(:contactCc AS text[]),
       active = :active, notes = :notes, ladder = :ladder, ladder_days = CAST(:ladderDays AS jsonb),
       ladder_drop = CAST(:ladderDrop AS text[]), updated_at = now()
 WHERE id = :id

-- name: replan_client
-- The client's ladder changed: its pending reservations' next step is computed again on the next run.
UPDATE reservation SET next_step_at = NULL WHERE client_id = :id AND status = 'pendiente'

-- name: insert_alias
INSERT INTO client_alias (client_id, alias, normalized_alias)
VALUES (:clientId, :alias, :normalized)
ON CONFLICT (normalized_alias) DO NOTHING

-- name: aliases
SELECT alias FROM client_alias WHERE client_id = :clientId ORDER BY alias

-- name: export
SELECT c.name, c.requires_oc, c.contact_to, c.contact_cc, c.active, c.notes, c.ladder, c.ladder_days::text AS ladder_days,
       c.ladder_drop,
       COALESCE((SELECT string_agg(a.alias, ';' ORDER BY a.alias) FROM client_alias a WHERE a.client_id = c.id), '') AS aliases
  FROM client c
 ORDER BY c.name
