package cl.seguimientooc.ops;

import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.store.SqlStatements;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Figures read from the database (the same for every replica): reservations by status and the
 * unmatched OC queue. Cached for {@link #MAX_AGE}, so a fast scraper costs no more than a slow one;
 * with the database away the last figures stay and {@link #stale} says so.
 */
public final class DomainFigures {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DomainFigures.class);
    private static final SqlStatements SQL = SqlStatements.load("metrics.sql");

    /** One reading. {@code oldestUnmatched} is null when the queue is empty. */
    public record Snapshot(Map<String, Long> byStatus, long unmatched, Instant oldestUnmatched, Instant readAt, boolean stale) {

        public double oldestUnmatchedAgeSeconds(Instant now) {
            return oldestUnmatched == null ? 0 : Math.max(0, Duration.between(oldestUnmatched, now).toMillis() / 1000.0);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot last;

    public DomainFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The statuses reported, whatever the database holds. */
    public java.util.Set<String> snapshotKeys() {
        return zeroes().keySet();
    }

    public Snapshot snapshot() {
        Snapshot s = last;
        Instant now = clock.instant();
        if (s != null && Duration.between(s.readAt(), now).compareTo(MAX_AGE) < 0) {
            return s;
        }
        synchronized (this) {
            s = last;
            if (s != null && Duration.between(s.readAt(), now).compareTo(MAX_AGE) < 0) {
                return s;
            }
            try {
                last = read(now);
            } catch (RuntimeException e) {
                LOG.debug("Cifras del dominio no disponibles: {}", e.getMessage());
                last = s == null ? new Snapshot(zeroes(), 0, null, now, true)
                        : new Snapshot(s.byStatus(), s.unmatched(), s.oldestUnmatched(), now, true);
            }
            return last;
        }
    }

    private Snapshot read(Instant now) {
        Map<String, Long> byStatus = zeroes();
        jdbc.query(SQL.get("by_status"), Map.of(), rs -> {
            byStatus.put(rs.getString("status"), rs.getLong("n"));
        });
        return jdbc.queryForObject(SQL.get("unmatched"), Map.of(), (rs, n) -> {
            Timestamp oldest = rs.getTimestamp("oldest");
            return new Snapshot(byStatus, rs.getLong("n"), oldest == null ? null : oldest.toInstant(), now, false);
        });
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ReservationStatus s : ReservationStatus.values()) {
            m.put(s.code(), 0L);
        }
        return m;
    }
}
