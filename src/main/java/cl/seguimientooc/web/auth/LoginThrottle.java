package cl.seguimientooc.web.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Failed logins, counted in the database (shared by replicas) per user name and per address. A user
 * name is locked after {@code maxFailures} within the lock period; an address after four times as
 * many, so one office behind one address is not locked by one person's typos.
 */
public final class LoginThrottle {

    private final NamedParameterJdbcTemplate jdbc;
    private final int maxFailures;
    private final int lockMinutes;

    public LoginThrottle(NamedParameterJdbcTemplate jdbc, int maxFailures, int lockMinutes) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockMinutes = lockMinutes;
    }

    /** Until when this user name or address is locked; null when it may try. */
    public Instant blockedUntil(String username, String address) {
        Timestamp t = jdbc.queryForObject(Users.SQL.get("blockedUntil"), Map.of("keys", List.of(userKey(username), ipKey(address))),
                Timestamp.class);
        return t == null ? null : t.toInstant();
    }

    public void failed(String username, String address) {
        record(userKey(username), maxFailures);
        record(ipKey(address), maxFailures * 4);
    }

    public void succeeded(String username) {
        jdbc.update(Users.SQL.get("clearFailures"), Map.of("key", userKey(username)));
    }

    public int lockMinutes() {
        return lockMinutes;
    }

    private void record(String key, int limit) {
        jdbc.queryForObject(Users.SQL.get("recordFailure"), new MapSqlParameterSource("key", key).addValue("limit", limit)
                .addValue("lockMinutes", lockMinutes), Integer.class);
    }

    private static String userKey(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "usuario:" + (u.length() > 100 ? u.substring(0, 100) : u);
    }

    private static String ipKey(String address) {
        return "ip:" + (address == null ? "?" : address);
    }
}
