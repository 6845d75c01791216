package cl.seguimientooc.web;

import cl.seguimientooc.store.Json;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.web.auth.Passwords;
import cl.seguimientooc.web.auth.Role;
import cl.seguimientooc.web.auth.Users;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's own account (password, API tokens) and, for admins, everyone's (routes/users.camel.yaml).
 * Changes that take rights away end the user's other sessions and forget cached credentials at once.
 */
public final class AccountApi {

    private static final Logger LOG = LoggerFactory.getLogger(AccountApi.class);
    private final Authenticator auth;

    public AccountApi(Authenticator auth) {
        this.auth = auth;
    }

    /** {@code POST /api/cuenta/clave {"actual": "...", "nueva": "..."}}: the current password is asked again. */
    public String changePassword(@Body String json, Exchange exchange) {
        Users.Account me = me(exchange);
        JsonNode body = Api.object(json);
        if (!Passwords.matches(body.path("actual").asText(""), me.passwordHash())) {
            throw new IllegalArgumentException("la contraseña actual no es correcta");
        }
        String fresh = body.path("nueva").asText("");
        String problem = Passwords.problem(me.username(), fresh);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        auth.users().setPassword(me.id(), fresh);
        auth.sessions().closeAll(me.id(), cookie(exchange));
        auth.forgetCredentials();
        LOG.info("«{}» cambió su contraseña; sus otras sesiones se cerraron", me.username());
        return Json.write(Map.of("mensaje", "Contraseña cambiada. Sus otras sesiones se cerraron."));
    }

    /** {@code POST /api/cuenta/tokens {"nombre": "..."}}: the token is shown once, in this answer. */
    public String createToken(@Body String json, Exchange exchange) {
        Users.Account me = me(exchange);
        String token = auth.sessions().createToken(me.id(), Api.object(json).path("nombre").asText(""));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        return Json.write(Map.of("token", token, "mensaje", "Copie el token ahora: no se vuelve a mostrar."));
    }

    /** {@code POST /api/cuenta/tokens/{id}/revocar}: only the owner's own tokens. */
    public String revokeToken(@Header("id") long id, Exchange exchange) {
        if (!auth.sessions().revoke(me(exchange).id(), id)) {
            throw new NoSuchElementException("no tiene un token vigente con id " + id);
        }
        return Json.write(Map.of("mensaje", "Token revocado."));
    }

    /** {@code GET /api/cuenta/csrf}: the session's form token, for Swagger UI's requests (null without a session). */
    public String csrf(Exchange exchange) {
        Caller c = Caller.of(exchange);
        java.util.Map<String, Object> out = new java.util.HashMap<>();
        out.put("csrf", c == null ? null : c.csrf());
        return Json.write(out);
    }

    public String tokens(Exchange exchange) {
        return Json.write(Map.of("tokens", auth.sessions().tokens(me(exchange).id())));
    }

    public String users() {
        return Json.write(Map.of("usuarios", auth.users().list()));
    }

    /** {@code POST /api/usuarios {"usuario", "nombre", "rol", "clave"}}. */
    public String createUser(@Body String json, Exchange exchange) {
        JsonNode b = Api.object(json);
        long id = auth.users().create(b.path("usuario").asText(""), b.path("nombre").asText(null), Role.of(b.path("rol").asText("")),
                b.path("clave").asText(""), Caller.actor(exchange));
        auth.closeOpenAccess();
        LOG.info("«{}» creó el usuario «{}» ({})", Caller.actor(exchange), b.path("usuario").asText(), b.path("rol").asText());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        return Json.write(Map.of("id", id, "mensaje", "Usuario creado."));
    }

    /** {@code POST /api/usuarios/{id} {"rol", "activo", "clave"?}}: role, state, and optionally a new password. */
    public String updateUser(@Header("id") long id, @Body String json, Exchange exchange) {
        JsonNode b = Api.object(json);
        Users.Listed current = auth.users().get(id);
        Role role = b.hasNonNull("rol") ? Role.of(b.get("rol").asText()) : current.role();
        boolean active = b.hasNonNull("activo") ? b.get("activo").asBoolean() : current.active();
        auth.users().update(id, role, active);
        String password = b.path("clave").asText("");
        if (!password.isEmpty()) {
            String problem = Passwords.problem(current.username(), password);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            auth.users().setPassword(id, password);
        }
        if (!active || !password.isEmpty()) {
            auth.sessions().closeAll(id, null);
        }
        auth.forgetCredentials();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("mensaje", "Usuario «" + current.username() + "» actualizado.");
        LOG.info("«{}» cambió el usuario «{}»: rol {}, {}{}", Caller.actor(exchange), current.username(), role.code(),
                active ? "activo" : "inactivo", password.isEmpty() ? "" : ", contraseña nueva");
        return Json.write(answer);
    }

    private Users.Account me(Exchange exchange) {
        Users.Account me = auth.users().find(Caller.actor(exchange));
        if (me == null) {
            throw new IllegalStateException("la cuenta local (sin contraseña) no tiene contraseña ni tokens; cree un usuario");
        }
        return me;
    }

    private static String cookie(Exchange exchange) {
        return Authenticator.cookie(exchange.getMessage().getHeader("Cookie", String.class), Authenticator.COOKIE);
    }
}
