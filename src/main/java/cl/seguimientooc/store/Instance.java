package cl.seguimientooc.store;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * This process as a claim owner: a stable name (host and port, the same after a restart) plus an
 * incarnation (new at every start), and a heartbeat in {@code service_instance}. Claims are taken
 * over when their owner stopped beating for {@code staleSeconds}, and at once when they belong to an
 * earlier incarnation of the same name (this instance restarted after a crash).
 */
public final class Instance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Instance.class);
    private static final SqlStatements SQL = SqlStatements.load("instances.sql");
    /** A beat every this many seconds; a claim goes stale after several missed beats. */
    static final int BEAT_SECONDS = 5;

    private final String name;
    private final String id;
    private final int staleSeconds;
    private final NamedParameterJdbcTemplate jdbc;
    private ScheduledExecutorService beats;

    public Instance(Db db, String name, int staleSeconds) {
        this.jdbc = db.jdbc();
        this.name = name;
        this.id = name + "#" + UUID.randomUUID().toString().substring(0, 8);
        this.staleSeconds = staleSeconds;
    }

    /** The claim owner id written in claimed_by / sending_by. */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The parameters every "is this claim's owner gone?" statement takes. */
    public MapSqlParameterSource params() {
        return new MapSqlParameterSource("instance", id).addValue("instanceName", name).addValue("staleSeconds", staleSeconds);
    }

    /** Registers and beats until closed; a beat that fails (database away) is retried on the next one. */
    public Instance start() {
        beat();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "latido-" + name);
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(this::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
        LOG.info("Instancia {} registrada (latido cada {} s; sus reclamos pasan a otra tras {} s sin latido)", id,
                BEAT_SECONDS, staleSeconds);
        return this;
    }

    private void beat() {
        try {
            jdbc.update(SQL.get("beat"), params());
        } catch (RuntimeException e) {
            LOG.warn("Latido de la instancia {} no registrado: {}", id, e.getMessage());
        }
    }

    /** A clean stop: the row goes, so whatever this process still held is free at once. */
    @Override
    public void close() {
        if (beats != null) {
            beats.shutdownNow();
        }
        try {
            jdbc.update(SQL.get("leave"), Map.of("instance", id));
        } catch (RuntimeException e) {
            // the database is away: the claims go stale after staleSeconds
        }
    }
}
