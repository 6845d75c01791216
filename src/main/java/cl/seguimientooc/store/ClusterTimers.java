package cl.seguimientooc.store;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Timers that fire once across all replicas (issue 13). Each replica's local timer asks
 * {@link #due} every TIMER_CHECK_SECONDS; the first replica to ask in a slot (one interval of the
 * database's wall clock) gets true and runs the work, the others get false. Nothing is owned
 * between slots, so when a replica dies the next check of any other one fires the timer: there is
 * no lease to expire and no replica clock to keep in step.
 */
public final class ClusterTimers {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTimers.class);
    private static final SqlStatements SQL = SqlStatements.load("timers.sql");

    private final Db db;
    private final Instance instance;

    public ClusterTimers(Db db, Instance instance) {
        this.db = db;
        this.instance = instance;
    }

    /**
     * Whether this replica runs timer {@code name} now: true once per {@code intervalMillis} slot
     * across the cluster. A database that does not answer means "not now": the next check asks again.
     */
    public boolean due(String name, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalo no positivo para el temporizador " + name);
        }
        try {
            List<String> won = db.jdbc().queryForList(SQL.get("claim"), new MapSqlParameterSource("name", name)
                    .addValue("intervalMs", intervalMillis).addValue("instance", instance.id()), String.class);
            return !won.isEmpty();
        } catch (RuntimeException e) {
            LOG.warn("Temporizador {}: la base de datos no respondió ({}); se vuelve a consultar en la próxima revisión",
                    name, e.getMessage());
            return false;
        }
    }

    /**
     * Lets the next replica that asks run timer {@code name} in this slot too: a run with more work than
     * one batch calls it, so every replica helps with a backlog (each e-mail is still claimed by one).
     */
    public void share(String name) {
        try {
            db.jdbc().update(SQL.get("share"), new MapSqlParameterSource("name", name));
        } catch (RuntimeException e) {
            LOG.warn("Temporizador {}: no se pudo compartir el trabajo pendiente ({})", name, e.getMessage());
        }
    }
}
