package cl.seguimientooc.db;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the service is not ready while PostgreSQL does not answer. Liveness does not depend on it. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private final Database database;

    public DatabaseHealthCheck(Database database) {
        super("seguimiento-oc", "database");
        this.database = database;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("database", database.description());
        if (database.isUp()) {
            builder.up();
        } else {
            builder.message("PostgreSQL no responde").down();
        }
    }
}
