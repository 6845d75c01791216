package cl.seguimientooc.web.auth;

import cl.seguimientooc.store.SqlStatements;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The users table: the first admin from the settings, then created and changed on the Usuarios page. */
public final class Users {

    static final SqlStatements SQL = SqlStatements.load("users.sql");

    /** A stored user as the login needs it. */
    public record Account(long id, String username, String displayName, Role role, String passwordHash, boolean active) {
    }

    /** One line of the Usuarios page. */
    public record Listed(long id, @JsonProperty("usuario") String username, @JsonProperty("nombre") String displayName,
                         @JsonProperty("rol") Role role, @JsonProperty("activo") boolean active,
                         @JsonProperty("creado") OffsetDateTime createdAt, @JsonProperty("creado_por") String createdBy,
                         @JsonProperty("ultimo_ingreso") OffsetDateTime lastLoginAt, @JsonProperty("tokens") long tokens) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public Users(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * ADMIN_USERNAME/ADMIN_PASSWORD become an admin when no active admin exists (a fresh install, or
     * every admin deactivated); afterwards passwords are changed on the page, not in the settings.
     * Returns whether the user was created.
     */
    public boolean bootstrap(String username, String password) {
        if (password == null || password.isEmpty() || activeAdmins() > 0) {
            return false;
        }
        Account existing = find(username);
        if (existing != null && existing.active() && existing.role() == Role.ADMIN) {
            return false; // another replica created it since the count above
        }
        if (existing != null) { // the named user exists but is not an active admin: restore it
            jdbc.update(SQL.get("updateUser"), new MapSqlParameterSource("id", existing.id()).addValue("role", Role.ADMIN.code())
                    .addValue("active", true).addValue("displayName", null));
            setPassword(existing.id(), password);
            return true;
        }
        try {
            create(username, null, Role.ADMIN, password, "configuración (ADMIN_USERNAME)");
        } catch (IllegalStateException exists) {
            if (activeAdmins() > 0) { // replicas starting together on a new database: another one created it
                return false;
            }
            throw exists;
        }
        return true;
    }

    public long activeAdmins() {
        Long n = jdbc.queryForObject(SQL.get("activeAdmins"), Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /** Case-insensitive; null when unknown. */
    public Account find(String username) {
        if (username == null || username.isBlank() || username.length() > 100) {
            return null;
        }
        List<Account> found = jdbc.query(SQL.get("userByName"), Map.of("username", username.strip()), (rs, i) -> new Account(
                rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), Role.of(rs.getString("role")),
                rs.getString("password_hash"), rs.getBoolean("active")));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Creates a user; the name must be new (IllegalStateException otherwise), the password acceptable. */
    public long create(String username, String displayName, Role role, String password, String actor) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[\\p{L}\\p{N}._@-]{2,60}")) {
            throw new IllegalArgumentException("nombre de usuario no válido: de 2 a 60 letras, números, punto, guion, guion bajo o @");
        }
        String problem = Passwords.problem(name, password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<Long> id = jdbc.queryForList(SQL.get("insertUser"), new MapSqlParameterSource("username", name)
                .addValue("displayName", blankToNull(displayName)).addValue("role", role.code())
                .addValue("hash", Passwords.hash(password)).addValue("actor", actor), Long.class);
        if (id.isEmpty()) {
            throw new IllegalStateException("ya existe el usuario «" + name + "»");
        }
        return id.get(0);
    }

    public List<Listed> list() {
        return jdbc.query(SQL.get("listUsers"), Map.of(), (rs, i) -> new Listed(rs.getLong("id"), rs.getString("username"),
                rs.getString("display_name"), Role.of(rs.getString("role")), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("last_login_at", OffsetDateTime.class), rs.getLong("tokens")));
    }

    /** One user as the Usuarios page lists it; NoSuchElementException (404) when unknown. */
    public Listed get(long id) {
        return list().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no existe el usuario " + id));
    }

    /** Changes role and state; the last active admin cannot demote or deactivate itself away. */
    public void update(long id, Role role, boolean active) {
        Listed current = get(id);
        boolean losesAdmin = current.role() == Role.ADMIN && current.active() && (role != Role.ADMIN || !active);
        if (losesAdmin && activeAdmins() <= 1) {
            throw new IllegalStateException("«" + current.username() + "» es el único administrador activo: cree otro antes");
        }
        jdbc.update(SQL.get("updateUser"), new MapSqlParameterSource("id", id).addValue("role", role.code())
                .addValue("active", active).addValue("displayName", null));
    }

    public void setPassword(long id, String password) {
        jdbc.update(SQL.get("setPassword"), new MapSqlParameterSource("id", id).addValue("hash", Passwords.hash(password)));
    }

    void loggedIn(long id) {
        jdbc.update(SQL.get("loggedIn"), Map.of("id", id));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
