package cl.seguimientooc.mailout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cl.seguimientooc.store.SqlStatements;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The one clock every time decision reads. Real time, unless OC_TEST_CLOCK=true: then an offset
 * kept in the database (so a restart keeps the simulated date) moves "now", for tests and demos.
 */
public final class ServiceClock {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d+)([dhms])");

    private final boolean testable;
    private final NamedParameterJdbcTemplate jdbc;
    private volatile long offsetMillis;

    public ServiceClock(boolean testable, NamedParameterJdbcTemplate jdbc) {
        this.testable = testable;
        this.jdbc = jdbc;
        if (testable) {
            List<Long> stored = jdbc.queryForList(SQL.get("clock_get"), Map.of(), Long.class);
            offsetMillis = stored.isEmpty() ? 0 : stored.get(0);
        }
    }

    public static ServiceClock real() {
        return new ServiceClock(false, null);
    }

    public boolean testable() {
        return testable;
    }

    public Instant now() {
        return testable ? Instant.now().plusMillis(offsetMillis) : Instant.now();
    }

    public boolean simulated() {
        return testable && offsetMillis != 0;
    }

    /** Sets "now": an ISO instant ({@code 2026-06-26T13:00:00Z}) or an offset ({@code +2d}, {@code -3h}, {@code +90m}). */
    public Instant set(String value) {
        requireTestable();
        String v = value == null ? "" : value.strip();
        Matcher m = OFFSET.matcher(v);
        long target;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(2));
            Duration d = switch (m.group(3)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            target = now().toEpochMilli() + (m.group(1).equals("-") ? -d.toMillis() : d.toMillis());
        } else {
            try {
                target = Instant.parse(v).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("use un instante ISO (2026-06-26T13:00:00Z) o un desplazamiento (+2d, -3h, +90m)");
            }
        }
        store(target - System.currentTimeMillis());
        return now();
    }

    public Instant reset() {
        requireTestable();
        store(0);
        jdbc.update(SQL.get("clock_delete"), Map.of());
        return now();
    }

    private void store(long offset) {
        jdbc.update(SQL.get("clock_set"), Map.of("o", offset));
        offsetMillis = offset;
    }

    private void requireTestable() {
        if (!testable) {
            throw new IllegalStateException("el reloj de prueba está desactivado (OC_TEST_CLOCK=false)");
        }
    }
}
