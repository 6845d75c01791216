package cl.seguimientooc.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One mail connection (a mailbox or SMTP). Reported, never failing: a mailbox that cannot be read
 * makes the service degraded, not unready; readiness is the database alone (DatabaseHealthCheck).
 * The details say "degradado" with the last error, in Spanish.
 */
public final class ConnectionHealthCheck extends AbstractHealthCheck {

    private final ConnectionStatus status;
    private final String connection;

    public ConnectionHealthCheck(ConnectionStatus status, String connection) {
        super("seguimiento-oc", "correo-" + connection);
        this.status = status;
        this.connection = connection;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConnectionStatus.State s = status.get(connection);
        String state = s == null ? "sin_datos" : s.status();
        builder.detail("conexion", connection).detail("estado", state);
        if (s != null && s.lastSuccess() != null) {
            builder.detail("ultimo_exito", s.lastSuccess().toString());
        }
        if (s != null && s.lastError() != null) {
            builder.detail("ultimo_error", s.lastError().toString()).detail("error", s.lastErrorText())
                    .detail("errores_seguidos", s.failuresInARow());
        }
        if ("degradado".equals(state)) {
            builder.message("degradado: " + s.lastErrorText());
        }
        builder.up();
    }
}
