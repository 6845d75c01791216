-- Counts by status kept by the database itself (issue 13): /api/stats and the dashboard's cards read a
-- few dozen rows instead of counting every reservation, OC, message and e-mail (200 ms at 1,000,000
-- reservations, growing with them). Statement-level triggers add what each statement changed, once
-- per statement (a bulk load costs one update per status, not one per row). Each connection writes
-- its own shard (backend pid mod 8), so replicas changing statuses at once do not queue on one row.
CREATE TABLE status_count (
    entity  text     NOT NULL,   -- the table: reservation, purchase_order, sent_email, processed_mail
    status  text     NOT NULL,   -- its status (processed_mail: outcome)
    shard   smallint NOT NULL,
    n       bigint   NOT NULL,
    PRIMARY KEY (entity, status, shard)
);

-- PL/pgSQL plans a trigger function once per table, so each table's branch reads its own column.
CREATE FUNCTION status_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'processed_mail' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, outcome, pg_backend_pid() % 8, count(*) FROM new_rows GROUP BY outcome
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, s, pg_backend_pid() % 8, sum(d) FROM (
                SELECT outcome AS s, 1 AS d FROM new_rows UNION ALL SELECT outcome, -1 FROM old_rows) x
             GROUP BY s HAVING sum(d) <> 0
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, outcome, pg_backend_pid() % 8, -count(*) FROM old_rows GROUP BY outcome
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
    ELSE
        IF TG_OP = 'INSERT' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, status, pg_backend_pid() % 8, count(*) FROM new_rows GROUP BY status
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, s, pg_backend_pid() % 8, sum(d) FROM (
                SELECT status AS s, 1 AS d FROM new_rows UNION ALL SELECT status, -1 FROM old_rows) x
             GROUP BY s HAVING sum(d) <> 0
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, status, pg_backend_pid() % 8, -count(*) FROM old_rows GROUP BY status
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- A transition table needs a trigger per event. TRUNCATE is not counted: the service never truncates.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reservation', 'purchase_order', 'sent_email', 'processed_mail'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION status_count_changed()', t || '_count_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION status_count_changed()', t || '_count_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION status_count_changed()', t || '_count_del', t);
    END LOOP;
END $$;

-- What is there already (an upgrade): counted once, now, in the shard 0 rows.
INSERT INTO status_count (entity, status, shard, n) SELECT 'reservation', status, 0, count(*) FROM reservation GROUP BY status;
INSERT INTO status_count (entity, status, shard, n) SELECT 'purchase_order', status, 0, count(*) FROM purchase_order GROUP BY status;
INSERT INTO status_count (entity, status, shard, n) SELECT 'sent_email', status, 0, count(*) FROM sent_email GROUP BY status;
INSERT INTO status_count (entity, status, shard, n) SELECT 'processed_mail', outcome, 0, count(*) FROM processed_mail GROUP BY outcome;

-- The live figures that depend on today stay queries, on indexes of the open reservations only.
CREATE INDEX reservation_open_check_in_idx ON reservation (check_in)
    WHERE status IN ('pendiente', 'sin_contacto', 'suspendida');
CREATE INDEX reservation_unknown_agency_idx ON reservation (agency_normalized)
    WHERE status = 'revision' AND client_id IS NULL;
CREATE INDEX purchase_order_assigned_created_idx ON purchase_order (created_at) WHERE status = 'asignada';
