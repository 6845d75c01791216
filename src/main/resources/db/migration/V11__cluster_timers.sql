-- Cluster-wide timers (issue 13). Every replica asks every TIMER_CHECK_SECONDS whether a named timer
-- (the ladder, the daily summary) is due; the first to claim the current slot runs it and the others
-- skip it. A slot is one interval of wall-clock time counted from the epoch on the database's clock,
-- so replicas need no clock of their own in step, and a dead replica owns nothing to hand over.
CREATE TABLE cluster_timer (
    name         text        PRIMARY KEY,
    interval_ms  bigint      NOT NULL,
    slot         bigint      NOT NULL,   -- floor(epoch in ms / interval_ms) of the last run
    fired_at     timestamptz NOT NULL,
    fired_by     text        NOT NULL    -- service_instance.id of the replica that ran it
);
