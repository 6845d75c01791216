package cl.seguimientooc.web.pages;

import cl.seguimientooc.web.HttpGuard;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Sessions;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /login and /salir. The login form carries a token that must match a cookie set with the form
 * (double submit), so another site cannot log a browser in as someone else. A session cookie is
 * HttpOnly, SameSite=Strict, and Secure when the client came over TLS.
 */
public final class LoginPage {

    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);
    static final String FORM_COOKIE = "soc_ingreso";

    private final Authenticator auth;

    public LoginPage(Authenticator auth) {
        this.auth = auth;
    }

    /** GET /login: the form ({@code motivo=salida}: after a logout). */
    public Page form(Exchange exchange) {
        String next = Forms.localTarget(exchange.getMessage().getHeader("siguiente", String.class));
        return formPage(exchange, next, null, exchange.getMessage().getHeader("motivo", String.class));
    }

    /** POST /login. */
    public Page submit(Exchange exchange) {
        Map<String, String> form = Forms.fields(exchange, "_csrf", "usuario", "clave", "siguiente");
        String next = Forms.localTarget(form.get("siguiente"));
        String expected = Forms.cookie(exchange, FORM_COOKIE);
        String given = form.get("_csrf");
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 403);
            return formPage(exchange, next, "El formulario expiró o no vino de esta página. Intente de nuevo.", null);
        }
        String address = address(exchange);
        String username = form.getOrDefault("usuario", "");
        Authenticator.Login login = auth.login(username, form.getOrDefault("clave", ""), address);
        switch (login.outcome()) {
            case LOCKED -> {
                long minutes = Math.max(1, Duration.between(Instant.now(), login.lockedUntil()).toMinutes() + 1);
                LOG.warn("Ingreso bloqueado para «{}» desde {} (demasiados intentos fallidos)", clean(username), address);
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
                exchange.getMessage().setHeader("Retry-After", String.valueOf(minutes * 60));
                return formPage(exchange, next, "Demasiados intentos fallidos. Espere " + minutes
                        + (minutes == 1 ? " minuto" : " minutos") + " antes de intentar de nuevo.", null);
            }
            case WRONG -> {
                LOG.warn("Ingreso fallido para «{}» desde {}", clean(username), address);
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
                return formPage(exchange, next, "Usuario o contraseña incorrectos.", null);
            }
            default -> {
            }
        }
        Sessions.Opened session = auth.sessions().open(login.account().id(), address,
                exchange.getMessage().getHeader("User-Agent", String.class));
        LOG.info("Ingreso de «{}» ({}) desde {}", login.account().username(), login.account().role().code(), address);
        exchange.getMessage().setHeader("Set-Cookie", java.util.List.of(
                cookie(exchange, Authenticator.COOKIE, session.cookie(), "/", -1), cookie(exchange, FORM_COOKIE, "", "/login", 0)));
        return redirect(exchange, next);
    }

    /** POST /salir: the session ends on every replica. */
    public Page logout(Exchange exchange) {
        auth.sessions().close(Forms.cookie(exchange, Authenticator.COOKIE));
        exchange.getMessage().setHeader("Set-Cookie", cookie(exchange, Authenticator.COOKIE, "", "/", 0));
        return redirect(exchange, "/login?motivo=salida");
    }

    private Page formPage(Exchange exchange, String next, String error, String reason) {
        String token = Sessions.newSecret();
        exchange.getMessage().setHeader("Set-Cookie", cookie(exchange, FORM_COOKIE, token, "/login", -1));
        Map<String, Object> model = new HashMap<>();
        model.put("siguiente", next);
        model.put("csrf", token);
        model.put("error", error);
        model.put("salida", "salida".equals(reason));
        return new Page("login.ftl", model);
    }

    private static Page redirect(Exchange exchange, String to) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
        exchange.getMessage().setHeader("Location", to);
        return new Page("redirect.ftl", Map.of("destino", to));
    }

    /** {@code maxAge} -1: a browser-session cookie; 0: delete it. */
    static String cookie(Exchange exchange, String name, String value, String path, int maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        if ("true".equals(exchange.getMessage().getHeader(HttpGuard.HTTPS, String.class))) {
            c.append("; Secure");
        }
        return c.toString();
    }

    private static String address(Exchange exchange) {
        Object a = exchange.getMessage().getHeader("CamelVertxPlatformHttpRemoteAddress");
        if (a instanceof io.vertx.core.net.SocketAddress s) {
            return s.hostAddress();
        }
        return "?";
    }

    private static String clean(String s) {
        String c = s.replaceAll("\\p{Cntrl}", "?");
        return c.length() > 60 ? c.substring(0, 60) + "…" : c;
    }
}
