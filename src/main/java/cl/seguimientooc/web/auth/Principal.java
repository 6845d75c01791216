package cl.seguimientooc.web.auth;

/**
 * Who made a request, and how they proved it. {@code csrf} is the session's form token (null for
 * Basic and API tokens, which a browser does not attach to a forged cross-site request).
 */
public record Principal(long userId, String username, Role role, Via via, String csrf) {

    public enum Via { SESION, BASIC, TOKEN, LOCAL }

    /** With ADMIN_PASSWORD empty and no users, on loopback only: the local operator is an admin. */
    public static Principal local() {
        return new Principal(0, "local", Role.ADMIN, Via.LOCAL, null);
    }
}
