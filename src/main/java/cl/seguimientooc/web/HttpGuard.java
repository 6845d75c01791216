package cl.seguimientooc.web;

import cl.seguimientooc.web.auth.AccessRules;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.web.auth.Principal;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every HTTP request, on the one port that serves the dashboard, the API and
 * /observe: refuses bodies over the limit (413) and cross-site writes, finds who is asking (session
 * cookie, HTTP Basic or API token; off the event loop), enforces the role each path needs
 * ({@link AccessRules}) and the session's CSRF token, and adds security headers. Routes learn the
 * user as the routing context's Vert.x user, which Camel passes on as a header object that no
 * request can forge ({@link Caller}).
 */
public final class HttpGuard implements Handler<RoutingContext> {

    /** Set by this guard: whether the client reached us over TLS (directly or through a proxy). */
    public static final String HTTPS = "X-Oc-Https";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** An e-mail's HTML rendered alone, shown in a sandboxed frame of the Plantillas page. */
    static final String PREVIEW = "/plantillas/vista";
    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);
    private static final String REALM = "Basic realm=\"Seguimiento OC\", charset=\"UTF-8\"";

    private final Authenticator auth;
    private final long maxBodyBytes;

    public HttpGuard(Authenticator auth, long maxBodyBytes) {
        this.auth = auth;
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
        LOG.info(auth.open() ? "Panel y API sin contraseña (ADMIN_PASSWORD vacío y sin usuarios): solo se escucha en la interfaz local"
                : "Panel y API con ingreso (sesión, HTTP Basic o token); /api/health y /observe/health son públicos");
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        String method = request.method().name();
        securityHeaders(ctx, path);
        java.util.Set<String> queryNames;
        try {
            queryNames = ResponseHeaders.queryNames(ctx.queryParams());
        } catch (RuntimeException malformed) { // an escape that does not decode
            error(ctx, 400, "la consulta de la dirección no es válida (un «%» sin dos dígitos hexadecimales)");
            return;
        }
        ctx.response().headersEndHandler(v -> { // last: whatever a route copied into the response
            ResponseHeaders.clean(ctx.response().headers(), queryNames);
            securityHeaders(ctx, path);
        });
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            error(ctx, 413, "el cuerpo de la solicitud supera el máximo de " + maxBodyBytes / 1024 + " KB (WEB_MAX_BODY_BYTES)");
            return;
        }
        request.headers().remove(HTTPS);
        if (!AccessRules.isSafe(method) && crossSite(request)) {
            error(ctx, 403, "solicitud de otro sitio rechazada (el origen no es este servidor)");
            return;
        }
        request.headers().set(HTTPS, String.valueOf(request.isSSL()
                || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))));
        if (AccessRules.isPublic(method, path)) {
            ctx.next();
            return;
        }
        Cookie cookie = request.getCookie(Authenticator.COOKIE);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String address = address(request);
        if (!request.isEnded()) {
            request.pause(); // the body waits for the route's body handler
        }
        ctx.vertx().executeBlocking(() -> auth.identify(cookie == null ? null : cookie.getValue(), authorization, address), false)
                .onComplete(result -> {
                    request.resume();
                    if (result.failed()) {
                        LOG.error("No se pudo verificar el acceso a {} {}: {}", method, path, result.cause().toString());
                        error(ctx, 503, "no se pudo verificar el acceso (base de datos no disponible); intente de nuevo");
                        return;
                    }
                    admit(ctx, result.result(), method, path, authorization, address);
                });
    }

    private void admit(RoutingContext ctx, Principal p, String method, String path, String authorization, String address) {
        if (p == null) {
            String user = Authenticator.basicUser(authorization);
            LOG.warn("Acceso denegado a {} {} desde {} ({})", method, path, address, authorization == null
                    ? "sin sesión ni credenciales" : user == null ? "token o credenciales no válidos"
                    : "usuario «" + user + "»: contraseña incorrecta, usuario desconocido o bloqueado");
            if (wantsPage(ctx, method, path)) {
                String target = ctx.request().uri();
                ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, "/login?siguiente="
                        + URLEncoder.encode(target.length() > 500 ? "/" : target, StandardCharsets.UTF_8)).end();
                return;
            }
            if (ctx.request().getCookie(Authenticator.COOKIE) == null) {
                ctx.response().putHeader("WWW-Authenticate", REALM);
            }
            error(ctx, 401, "se requiere ingresar: sesión del panel, HTTP Basic (usuario y contraseña) o un token de API");
            return;
        }
        if (!AccessRules.allows(p.role(), method, path)) {
            LOG.warn("Acción no permitida para {} ({}): {} {}", p.username(), p.role().code(), method, path);
            error(ctx, 403, "su rol («" + p.role().code() + "») no permite esta acción; se requiere «"
                    + AccessRules.required(method, path).code() + "»");
            return;
        }
        if (p.via() == Principal.Via.SESION && !AccessRules.isSafe(method) && !sameToken(p.csrf(), ctx.request().getHeader(CSRF_HEADER))) {
            LOG.warn("Solicitud sin token CSRF válido de {}: {} {}", p.username(), method, path);
            error(ctx, 403, "falta el token de seguridad del formulario (CSRF) o no es válido; recargue la página");
            return;
        }
        ctx.setUser(Caller.user(p));
        ctx.next();
    }

    private static void securityHeaders(RoutingContext ctx, String path) {
        ctx.response().putHeader("X-Content-Type-Options", "nosniff");
        ctx.response().putHeader("X-Frame-Options", isPreview(path) ? "SAMEORIGIN" : "DENY");
        ctx.response().putHeader("Content-Security-Policy", csp(path));
        ctx.response().putHeader("Referrer-Policy", "same-origin");
        if (!path.startsWith("/static/")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
    }

    /** A browser navigating to a page is sent to the login page; API clients get 401. */
    private static boolean wantsPage(RoutingContext ctx, String method, String path) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return AccessRules.isSafe(method) && accept != null && accept.contains("text/html") && !path.startsWith("/api/")
                && !path.startsWith("/observe/");
    }

    /** A write whose Origin (or Sec-Fetch-Site) names another site: a browser sent it for someone else's page. */
    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null") && site == null) {
            return false;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    /**
     * The API answers JSON and may load nothing. The dashboard and Swagger UI (/docs, its webjar)
     * load script and style from this origin only; neither runs inline script.
     */
    static String csp(String path) {
        if (path != null && (path.startsWith("/api/") || path.startsWith("/observe/") || path.equals("/openapi.json"))) {
            return "default-src 'none'; frame-ancestors 'none'";
        }
        if (isPreview(path)) { // an e-mail's own styles, nothing else; no script even inside the frame
            return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
        }
        String style = path != null && (path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/"))
                ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'";
        return "default-src 'none'; script-src 'self'; " + style + "; img-src 'self' data:; connect-src 'self'; frame-src 'self';"
                + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** An e-mail's HTML shown alone: a template preview, or a sent e-mail as recorded. */
    static boolean isPreview(String path) {
        return PREVIEW.equals(path) || path != null && path.startsWith("/correos/") && path.endsWith("/vista");
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
    }

    private static boolean sameToken(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true; // a Content-Length that is not a number is refused, not guessed
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(cl.seguimientooc.store.Json.write(java.util.Map.of("error", message)));
    }
}
