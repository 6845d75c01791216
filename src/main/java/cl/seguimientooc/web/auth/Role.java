package cl.seguimientooc.web.auth;

import java.util.Locale;

/** What a user may do. Each role includes the ones below it. */
public enum Role {
    LECTOR("lector", "Lector: solo consulta"),
    OPERADOR("operador", "Operador: actúa sobre reservas, OC, clientes y mensajes"),
    ADMIN("admin", "Administrador: todo, más usuarios y configuración");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** {@code admin}, {@code operador} or {@code lector}; anything else is refused in Spanish. */
    public static Role of(String code) {
        if (code != null) {
            String c = code.strip().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (r.code.equals(c)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("rol desconocido «" + code + "»; use admin, operador o lector");
    }
}
