package cl.seguimientooc.web.pages;

import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.store.SqlStatements;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The home page's charts (every pending reservation by age, weeks and 90 days of OCs: heavy at
 * scale). The last result is served, and one older than {@link #FRESH} is refreshed in the background,
 * so no page waits for it but the first ones after startup, which share one computation.
 */
public final class HomeCharts {

    static final Duration FRESH = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(HomeCharts.class);
    private static final SqlStatements SQL = SqlStatements.load("dashboard.sql");
    private static final ZoneId SANTIAGO = cl.seguimientooc.ladder.ChileHolidays.SANTIAGO;

    private record Snapshot(Map<String, Object> data, long at) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceClock clock;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "graficos-inicio");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot last;

    public HomeCharts(NamedParameterJdbcTemplate jdbc, ServiceClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The charts' data: fresh, or the last one while a refresh runs. */
    public Map<String, Object> get() {
        Snapshot s = last;
        if (s == null) {
            synchronized (this) { // the first pages after a start wait for one computation, not one each
                s = last;
                if (s == null) {
                    return compute();
                }
            }
        }
        if (System.currentTimeMillis() - s.at() > FRESH.toMillis() && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    compute();
                } catch (RuntimeException e) {
                    LOG.warn("No se pudieron actualizar los gráficos de Inicio: {}", e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return s.data();
    }

    /** When the data served was computed (epoch millis). */
    public long computedAt() {
        Snapshot s = last;
        return s == null ? System.currentTimeMillis() : s.at();
    }

    private Map<String, Object> compute() {
        LocalDate today = clock.now().atZone(SANTIAGO).toLocalDate();
        MapSqlParameterSource p = new MapSqlParameterSource("weeksFrom", today.minusWeeks(12).atStartOfDay(SANTIAGO).toOffsetDateTime())
                .addValue("resolvedFrom", today.minusDays(90).atStartOfDay(SANTIAGO).toOffsetDateTime());
        Map<String, Object> data = Dashboard.read(jdbc.queryForObject(SQL.get("charts"), p, String.class));
        last = new Snapshot(data, System.currentTimeMillis());
        return data;
    }

    public void close() {
        refresher.shutdownNow();
    }
}
