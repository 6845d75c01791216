package cl.seguimientooc.web.auth;

import java.util.Locale;

/**
 * Which role a request needs, decided from its method and path alone, before any route runs. Reading
 * is open to every role; acting needs operador; users and the test clock need admin; a person's own
 * password and API tokens are theirs whatever the role.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** No login: health checks, the login page, and the dashboard's static files. */
    public static boolean isPublic(String method, String path) {
        return path.equals("/api/health") || path.equals("/observe/health") || path.startsWith("/observe/health/")
                || path.equals("/login") || path.startsWith("/static/") || path.equals("/favicon.ico");
    }

    public static boolean isSafe(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }

    /** The least role that may make this request. */
    public static Role required(String method, String path) {
        if (path.equals("/usuarios") || path.startsWith("/usuarios/") || path.startsWith("/api/usuarios")) {
            return Role.ADMIN;
        }
        if (isSafe(method)) {
            return Role.LECTOR;
        }
        if (path.startsWith("/api/test/")) {
            return Role.ADMIN;
        }
        if (path.equals("/salir") || path.startsWith("/cuenta/") || path.startsWith("/api/cuenta/")) {
            return Role.LECTOR;
        }
        return Role.OPERADOR;
    }

    public static boolean allows(Role role, String method, String path) {
        return role.atLeast(required(method, path));
    }
}
