package cl.seguimientooc.web.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import org.apache.camel.Exchange;

/**
 * The signed-in person behind an HTTP exchange, as the guard found them. Carried as the Vert.x
 * user, which Camel's platform-http passes in a header no query parameter or form field can set
 * (incoming {@code Camel*} names are filtered).
 */
public record Caller(String username, Role role, String csrf) {

    public static final String HEADER = "CamelVertxPlatformHttpAuthenticatedUser";

    public static User user(Principal p) {
        JsonObject principal = new JsonObject().put("username", p.username()).put("rol", p.role().code());
        if (p.csrf() != null) {
            principal.put("csrf", p.csrf());
        }
        return User.create(principal);
    }

    /** The caller, or null on a public path. */
    public static Caller of(Exchange exchange) {
        Object u = exchange.getMessage().getHeader(HEADER);
        if (!(u instanceof User user)) {
            return null;
        }
        JsonObject p = user.principal();
        return new Caller(p.getString("username"), Role.of(p.getString("rol")), p.getString("csrf"));
    }

    /** Who to write in the audit trail for this exchange's action. */
    public static String actor(Exchange exchange) {
        Caller c = of(exchange);
        if (c == null) {
            throw new SecurityException("acción sin usuario identificado");
        }
        return c.username();
    }
}
