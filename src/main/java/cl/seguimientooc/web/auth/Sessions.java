package cl.seguimientooc.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Browser sessions and personal API tokens. Both are random secrets handed out once; the database
 * keeps only their SHA-256, so every replica sees a logout or a revocation at once.
 */
public final class Sessions {

    /** An API token: "soc_" and 32 random bytes; its first characters identify it on the page. */
    public static final String TOKEN_PREFIX = "soc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(long id, @JsonProperty("nombre") String name, @JsonProperty("prefijo") String prefix,
                        @JsonProperty("creado") OffsetDateTime createdAt, @JsonProperty("ultimo_uso") OffsetDateTime lastUsedAt) {
    }

    /** A new session: the cookie value (secret) and its form token. */
    public record Opened(String cookie, String csrf) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final int idleMinutes;

    public Sessions(NamedParameterJdbcTemplate jdbc, int idleMinutes) {
        this.jdbc = jdbc;
        this.idleMinutes = idleMinutes;
    }

    public int idleMinutes() {
        return idleMinutes;
    }

    public Opened open(long userId, String address, String userAgent) {
        String secret = random();
        String csrf = random();
        jdbc.update(Users.SQL.get("insertSession"), new MapSqlParameterSource("hash", sha256(secret)).addValue("userId", userId)
                .addValue("csrf", csrf).addValue("address", cut(address, 100)).addValue("agent", cut(userAgent, 300)));
        return new Opened(secret, csrf);
    }

    /** The session's user, or null when the cookie is unknown, idle too long or its user inactive. */
    public Principal session(String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 100) {
            return null;
        }
        return findAndTouch("session", "touchSession", new MapSqlParameterSource("hash", sha256(cookie))
                .addValue("idleMinutes", idleMinutes), (rs, i) -> new Principal(rs.getLong("id"), rs.getString("username"),
                Role.of(rs.getString("role")), Principal.Via.SESION, rs.getString("csrf_token")));
    }

    public void close(String cookie) {
        if (cookie != null && !cookie.isEmpty() && cookie.length() <= 100) {
            jdbc.update(Users.SQL.get("deleteSession"), Map.of("hash", sha256(cookie)));
        }
    }

    /** Closes every session of a user except {@code keepCookie} (after a password change, or deactivation). */
    public void closeAll(long userId, String keepCookie) {
        jdbc.update(Users.SQL.get("deleteUserSessions"), new MapSqlParameterSource("userId", userId)
                .addValue("keep", keepCookie == null ? null : sha256(keepCookie)));
    }

    public int expireIdle() {
        return jdbc.update(Users.SQL.get("expireSessions"), Map.of("idleMinutes", idleMinutes));
    }

    /** Creates a token and returns it whole: the only time it is shown. */
    public String createToken(long userId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80) {
            throw new IllegalArgumentException("el token necesita un nombre de 1 a 80 caracteres (p. ej. «integración contable»)");
        }
        String token = TOKEN_PREFIX + random();
        jdbc.queryForObject(Users.SQL.get("insertToken"), new MapSqlParameterSource("userId", userId).addValue("name", label)
                .addValue("hash", sha256(token)).addValue("prefix", token.substring(0, 10)), Long.class);
        return token;
    }

    public Principal token(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return null;
        }
        return findAndTouch("token", "touchToken", new MapSqlParameterSource("hash", sha256(token)), (rs, i) -> new Principal(
                rs.getLong("id"), rs.getString("username"), Role.of(rs.getString("role")), Principal.Via.TOKEN, null));
    }

    /**
     * A session or token by its hash: a read on every request, and a write (its last use) only when the
     * recorded one is over a minute old, so many requests at once with one credential do not queue.
     */
    private Principal findAndTouch(String find, String touch, MapSqlParameterSource params,
                                   org.springframework.jdbc.core.RowMapper<Principal> mapper) {
        boolean[] stale = {false};
        List<Principal> found = jdbc.query(Users.SQL.get(find), params, (rs, i) -> {
            stale[0] = rs.getBoolean("stale");
            return mapper.mapRow(rs, i);
        });
        if (stale[0]) {
            jdbc.update(Users.SQL.get(touch), params);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    public List<Token> tokens(long userId) {
        return jdbc.query(Users.SQL.get("listTokens"), Map.of("userId", userId), (rs, i) -> new Token(rs.getLong("id"),
                rs.getString("name"), rs.getString("prefix"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class)));
    }

    /** Only the owner revokes their token; false when it was not theirs or already revoked. */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.update(Users.SQL.get("revokeToken"), Map.of("id", tokenId, "userId", userId)) == 1;
    }

    public static String newSecret() {
        return random();
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
