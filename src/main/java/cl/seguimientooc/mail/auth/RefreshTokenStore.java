package cl.seguimientooc.mail.auth;

import cl.seguimientooc.store.SqlStatements;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The newest refresh token of each account, shared by every replica (V10 oauth_refresh_token). */
public final class RefreshTokenStore {

    private static final SqlStatements SQL = SqlStatements.load("oauth.sql");
    private final NamedParameterJdbcTemplate jdbc;

    public RefreshTokenStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The renewed token of {@code account}, or {@code configured} when none was stored since it was configured. */
    public String current(String account, String configured) {
        List<String> rows = jdbc.queryForList(SQL.get("current"), Map.of("account", account, "configured", sha256(configured)),
                String.class);
        return rows.isEmpty() ? configured : rows.get(0);
    }

    public void save(String account, String configured, String token) {
        jdbc.update(SQL.get("save"), Map.of("account", account, "configured", sha256(configured), "token", token));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
