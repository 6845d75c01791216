package cl.seguimientooc.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every HTTP request, on the one port that serves the API and /observe:
 * refuses bodies over the limit (413), requires HTTP Basic with ADMIN_USERNAME/ADMIN_PASSWORD on
 * everything but the health checks, and adds security headers. Installed as the server's
 * authentication handler so it runs before any route, including Camel's own /observe routes.
 */
public final class HttpGuard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);
    private static final String REALM = "Basic realm=\"Seguimiento OC\", charset=\"UTF-8\"";

    private final byte[] userHash;
    private final byte[] passwordHash;
    private final boolean open;
    private final long maxBodyBytes;

    /** {@code password} empty: no login (only allowed when the server listens on loopback). */
    public HttpGuard(String username, String password, long maxBodyBytes) {
        this.userHash = sha256(username);
        this.passwordHash = sha256(password);
        this.open = password.isEmpty();
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Puts the guard in front of the main HTTP server (before it starts). */
    public void install(CamelContext context) {
        MainHttpServer server = context.hasService(MainHttpServer.class);
        if (server != null) {
            configure(server);
            return;
        }
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onServiceAdd(CamelContext ctx, org.apache.camel.Service service, org.apache.camel.Route route) {
                if (service instanceof MainHttpServer s) {
                    configure(s);
                }
            }
        });
    }

    private void configure(MainHttpServer server) {
        AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry() {
            @Override
            public Handler<RoutingContext> createAuthenticationHandler(Vertx vertx) {
                return HttpGuard.this;
            }
        };
        entry.setPath("/*");
        AuthenticationConfig config = new AuthenticationConfig(new java.util.ArrayList<>(List.of(entry)));
        config.setEnabled(true);
        server.getConfiguration().setAuthenticationConfig(config);
        LOG.info(open ? "API sin contraseña (ADMIN_PASSWORD vacío): solo se escucha en la interfaz local"
                : "API protegida con HTTP Basic; /api/health y /observe/health son públicos");
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        ctx.response().putHeader("X-Frame-Options", "DENY");
        ctx.response().putHeader("Content-Security-Policy", csp(ctx.normalizedPath()));
        ctx.response().putHeader("Referrer-Policy", "no-referrer");
        ctx.response().putHeader("Cache-Control", "no-store");
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            error(ctx, 413, "el cuerpo de la solicitud supera el máximo de " + maxBodyBytes / 1024
                    + " KB (WEB_MAX_BODY_BYTES)");
            return;
        }
        String path = ctx.normalizedPath();
        if (open || isPublic(path) || authorized(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            ctx.next();
            return;
        }
        String user = basicUser(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        LOG.warn("Acceso denegado a {} {} desde {} ({})", ctx.request().method(), path,
                ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress(),
                user == null ? "sin credenciales" : "usuario «" + user + "», contraseña incorrecta o usuario desconocido");
        ctx.response().putHeader("WWW-Authenticate", REALM);
        error(ctx, 401, "se requiere usuario y contraseña (HTTP Basic con ADMIN_USERNAME y ADMIN_PASSWORD)");
    }

    /**
     * The API answers JSON and may load nothing. Swagger UI (/docs, its webjar) loads its own script
     * and style from this origin and calls the API; it runs no inline script.
     */
    static String csp(String path) {
        if (path != null && (path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/"))) {
            return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                    + " connect-src 'self'; frame-ancestors 'none'";
        }
        return "default-src 'none'; frame-ancestors 'none'";
    }

    /** Health checks stay public for load balancers and orchestrators. */
    static boolean isPublic(String path) {
        return path.equals("/api/health") || path.equals("/observe/health") || path.startsWith("/observe/health/");
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true; // a Content-Length that is not a number is refused, not guessed
        }
    }

    /** Both parts are compared whole, in constant time, whatever matched first. */
    boolean authorized(String header) {
        String[] credentials = basic(header);
        if (credentials == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(userHash, sha256(credentials[0]));
        boolean passwordOk = MessageDigest.isEqual(passwordHash, sha256(credentials[1]));
        return userOk & passwordOk;
    }

    private static String basicUser(String header) {
        String[] c = basic(header);
        return c == null ? null : c[0].replaceAll("[\\p{Cntrl}]", "?");
    }

    private static String[] basic(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 4096) {
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

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(cl.seguimientooc.store.Json.write(java.util.Map.of("error", message)));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
