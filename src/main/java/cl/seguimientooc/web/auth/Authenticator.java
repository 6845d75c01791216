package cl.seguimientooc.web.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides who a request is from: a session cookie, HTTP Basic, or a personal API token. Blocking
 * (database, bcrypt): the HTTP guard calls it off the event loop.
 */
public final class Authenticator {

    public static final String COOKIE = "soc_sesion";
    /** A verified Basic credential is trusted this long without bcrypt, so API clients stay fast. */
    private static final long BASIC_CACHE_MILLIS = 60_000;
    private static final int BASIC_CACHE_MAX = 1_000;

    public enum Outcome { OK, WRONG, LOCKED }

    /** A login attempt's result: the account on success, the lock's end when locked. */
    public record Login(Outcome outcome, Users.Account account, Instant lockedUntil) {
    }

    private record Cached(Principal principal, long until) {
    }

    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Map<String, Cached> basicCache = new ConcurrentHashMap<>();
    private volatile boolean open;

    /** {@code open}: no password configured and no users: the local operator is an admin (loopback only). */
    public Authenticator(Users users, Sessions sessions, LoginThrottle throttle, boolean open) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.open = open;
    }

    public Users users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public boolean open() {
        return open;
    }

    /** Once a user exists, the service is no longer open. */
    public void closeOpenAccess() {
        open = false;
    }

    /** The principal of a request, or null. {@code authorization} wins over the cookie when both come. */
    public Principal identify(String cookie, String authorization, String address) {
        if (authorization != null && !authorization.isBlank()) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return sessions.token(authorization.substring(7).strip());
            }
            return basic(authorization, address);
        }
        if (cookie != null) {
            Principal p = sessions.session(cookie);
            if (p != null) {
                return p;
            }
        }
        return open ? Principal.local() : null;
    }

    /** A login by name and password, throttled per user and address. */
    public Login login(String username, String password, String address) {
        String name = username == null ? "" : username.strip();
        Instant locked = throttle.blockedUntil(name, address);
        if (locked != null) {
            return new Login(Outcome.LOCKED, null, locked);
        }
        Users.Account account = users.find(name);
        boolean ok = Passwords.matches(password, account == null ? null : account.passwordHash()) && account.active();
        if (!ok) {
            throttle.failed(name, address);
            Instant now = throttle.blockedUntil(name, address);
            return now != null ? new Login(Outcome.LOCKED, null, now) : new Login(Outcome.WRONG, null, null);
        }
        throttle.succeeded(name);
        users.loggedIn(account.id());
        return new Login(Outcome.OK, account, null);
    }

    /** Forget cached Basic credentials (after a password change, deactivation or role change). */
    public void forgetCredentials() {
        basicCache.clear();
    }

    private Principal basic(String header, String address) {
        String[] credentials = basicCredentials(header);
        if (credentials == null) {
            return null;
        }
        String key = HexFormat.of().formatHex(Sessions.sha256(credentials[0] + "\0" + credentials[1]));
        Cached cached = basicCache.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && cached.until() > now) {
            return cached.principal();
        }
        Login login = login(credentials[0], credentials[1], address);
        if (login.outcome() != Outcome.OK) {
            return null;
        }
        Principal p = new Principal(login.account().id(), login.account().username(), login.account().role(),
                Principal.Via.BASIC, null);
        if (basicCache.size() >= BASIC_CACHE_MAX) {
            basicCache.clear();
        }
        basicCache.put(key, new Cached(p, now + BASIC_CACHE_MILLIS));
        return p;
    }

    /** One cookie's value from a request's Cookie header, or null. */
    public static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The user named in a Basic header (for logs), or null. */
    public static String basicUser(String header) {
        String[] c = basicCredentials(header);
        return c == null ? null : c[0].replaceAll("\\p{Cntrl}", "?");
    }

    static String[] basicCredentials(String header) {
        if (header == null || header.length() < 7 || header.length() > 4096 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
