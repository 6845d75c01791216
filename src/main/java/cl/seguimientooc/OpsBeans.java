package cl.seguimientooc;

import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.mail.MailboxRoutes;
import cl.seguimientooc.mail.RecentMessages;
import cl.seguimientooc.mailout.LadderOutbox;
import cl.seguimientooc.ops.ConnectionHealthCheck;
import cl.seguimientooc.ops.ConnectionStatus;
import cl.seguimientooc.ops.DomainFigures;
import cl.seguimientooc.ops.Stats;
import cl.seguimientooc.ops.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

/** Observability: domain metrics, the Stats MBean and one health check per mail connection. */
final class OpsBeans {

    private OpsBeans() {
    }

    static void bind(CamelContext context, Settings settings, Services services) throws Exception {
        var registry = context.getRegistry();
        // what replicas share: timers that fire once across them, and the counters' housekeeping
        registry.bind("clusterTimers", cl.seguimientooc.store.ClusterTimers.class,
                new cl.seguimientooc.store.ClusterTimers(services.db, services.instance));
        registry.bind("statusCounts", cl.seguimientooc.store.StatusCounts.class, new cl.seguimientooc.store.StatusCounts(services.db));
        registry.bind("sharedFolder", cl.seguimientooc.ops.SharedFolder.class, new cl.seguimientooc.ops.SharedFolder(
                java.nio.file.Path.of(settings.get(cl.seguimientooc.config.Setting.OC_FILES_DIR)), services.db, services.instance)
                .mark(), null, "close");
        // Camel's Prometheus support takes the registry bound under this name, so ours and Camel's meters share /observe/metrics
        MeterRegistry meters = registry.lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind("metricsRegistry", meters);
        }
        ConnectionStatus connections = new ConnectionStatus();
        Telemetry telemetry = new Telemetry(meters, new DomainFigures(services.db.jdbc(), Clock.systemUTC()), connections,
                Clock.systemUTC());
        registry.bind("telemetry", Telemetry.class, telemetry);
        java.util.Set<String> levels = new java.util.LinkedHashSet<>(services.ladders.levelNames());
        levels.addAll(cl.seguimientooc.mailout.MailTemplates.NOTICES);
        telemetry.expectLevels(levels);
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        Map<String, String> connectionOfRoute = services.readers.stream()
                .collect(Collectors.toMap(MailboxRoutes.Reader::routeId, MailboxRoutes.Reader::loginConnection));
        for (String connection : connectionOfRoute.values()) {
            watch(telemetry, health, connection);
        }
        if (!settings.get(Setting.SMTP_HOST).isEmpty()) {
            watch(telemetry, health, ConnectionStatus.SMTP);
        }
        registry.lookupByNameAndType("recentMessages", RecentMessages.class)
                .observe(connections, routeId -> connectionOfRoute.getOrDefault(routeId, routeId));
        registry.lookupByNameAndType("ladderOutbox", LadderOutbox.class).observe(telemetry);
        services.ocIntake.onReceipt(telemetry::ocReceived);
        Stats stats = new Stats(telemetry);
        stats.register();
        registry.bind("statsMBean", Stats.class, stats, null, "unregister");
    }

    private static void watch(Telemetry telemetry, HealthCheckRegistry health, String connection) {
        telemetry.watch(connection);
        if (health != null) {
            health.register(new ConnectionHealthCheck(telemetry.connections(), connection));
        }
    }
}
