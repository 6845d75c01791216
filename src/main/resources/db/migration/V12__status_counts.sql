-- Counts by status kept by the database itself (issue 13): /api/stats and the dashboard's cards read a
-- few dozen rows instead of counting every reservation, OC, message and e-mail (200 ms at 1,000,000
-- reservations, growing with them). Statement-level triggers add what each statement changed, once
-- per statement (a bulk load costs one update per status, not one per row). Each connection adds to
-- rows of its own (shard = its backend pid), so no two transactions ever wait for, or deadlock on, a
-- counter row, however many replicas change statuses at once; the rows of connections that closed
-- are folded into shard 0 now and then (StatusCounts.compact, routes/maintenance.camel.yaml). A
-- reading sums the rows of a status: a few per live connection.
CREATE TABLE status_count (
    entity  text     NOT NULL,   -- the table: reservation, purchase_order, sent_email, processed_mail
    status  text     NOT NULL,   -- its status (processed_mail: outcome)
    shard   integer  NOT NULL,   -- the pid of the connection that wrote it; 0 = folded
    n       bigint   NOT NULL,
    PRIMARY KEY (entity, status, shard)
);

-- PL/pgSQL plans a trigger function once per table, so each table's branch reads its own column.
CREATE FUNCTION status_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'processed_mail' THEN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, outcome, pg_backend_pid(), count(*) FROM new_rows GROUP BY outcome
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, s, pg_backend_pid(), sum(d) FROM (
                SELECT outcome AS s, 1 AS d FROM new_rows UNION ALL SELECT outcome, -1 FROM old_rows) x
             GROUP BY s HAVING sum(d) <> 0
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, outcome, pg_backend_pid(), -count(*) FROM old_rows GROUP BY outcome
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        END IF;
    ELSE
        IF TG_TABLE_NAME = 'purchase_order' THEN
            -- assigned OCs also by the month they arrived (Santiago), for "OC recibidas este mes":
            -- entity purchase_order_mes, status YYYY-MM (transition tables are only seen here, in the trigger)
            IF TG_OP = 'INSERT' THEN
                INSERT INTO status_count AS c (entity, status, shard, n)
                SELECT 'purchase_order_mes', m, pg_backend_pid(), count(*)
                  FROM (SELECT to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM') AS m FROM new_rows
                         WHERE status = 'asignada') x GROUP BY m
                ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO status_count AS c (entity, status, shard, n)
                SELECT 'purchase_order_mes', m, pg_backend_pid(), sum(d)
                  FROM (SELECT to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM') AS m, 1 AS d FROM new_rows
                         WHERE status = 'asignada'
                        UNION ALL
                        SELECT to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM'), -1 FROM old_rows
                         WHERE status = 'asignada') x GROUP BY m HAVING sum(d) <> 0
                ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
            ELSE
                INSERT INTO status_count AS c (entity, status, shard, n)
                SELECT 'purchase_order_mes', m, pg_backend_pid(), -count(*)
                  FROM (SELECT to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM') AS m FROM old_rows
                         WHERE status = 'asignada') x GROUP BY m
                ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
            END IF;
        END IF;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, status, pg_backend_pid(), count(*) FROM new_rows GROUP BY status
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSIF TG_OP = 'UPDATE' THEN
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, s, pg_backend_pid(), sum(d) FROM (
                SELECT status AS s, 1 AS d FROM new_rows UNION ALL SELECT status, -1 FROM old_rows) x
             GROUP BY s HAVING sum(d) <> 0
            ON CONFLICT (entity, status, shard) DO UPDATE SET n = c.n + EXCLUDED.n;
        ELSE
            INSERT INTO status_count AS c (entity, status, shard, n)
            SELECT TG_TABLE_NAME, status, pg_backend_pid(), -count(*) FROM old_rows GROUP BY status
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
INSERT INTO status_count (entity, status, shard, n)
SELECT 'purchase_order_mes', to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM'), 0, count(*)
  FROM purchase_order WHERE status = 'asignada' GROUP BY 2;

-- The live figures that depend on today stay queries, on indexes of the open reservations only.
CREATE INDEX reservation_open_check_in_idx ON reservation (check_in)
    WHERE status IN ('pendiente', 'sin_contacto', 'suspendida');
CREATE INDEX reservation_unknown_agency_idx ON reservation (agency_normalized)
    WHERE status = 'revision' AND client_id IS NULL;
