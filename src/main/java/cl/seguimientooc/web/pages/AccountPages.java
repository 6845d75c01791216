package cl.seguimientooc.web.pages;

import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.web.auth.Role;
import cl.seguimientooc.web.auth.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** Mi cuenta (password, API tokens) and Usuarios (admin). */
public final class AccountPages {

    private final Authenticator auth;

    public AccountPages(Authenticator auth) {
        this.auth = auth;
    }

    public Page account(Exchange exchange) {
        Users.Account me = auth.users().find(Caller.actor(exchange));
        Map<String, Object> model = new HashMap<>();
        model.put("tokens", me == null ? List.of() : auth.sessions().tokens(me.id()));
        model.put("local", me == null);
        model.put("minimo", cl.seguimientooc.web.auth.Passwords.MIN_LENGTH);
        model.put("inactividad", auth.sessions().idleMinutes());
        return new Page("cuenta.ftl", model);
    }

    public Page users() {
        Map<String, Object> model = new HashMap<>();
        model.put("usuarios", auth.users().list());
        model.put("roles", List.of(Role.ADMIN, Role.OPERADOR, Role.LECTOR));
        model.put("minimo", cl.seguimientooc.web.auth.Passwords.MIN_LENGTH);
        return new Page("usuarios.ftl", model);
    }
}
