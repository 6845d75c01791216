package cl.seguimientooc;

import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.db.DatabaseHealthCheck;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.web.HealthReport;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.Configuration;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every bean that needs the database or validated settings, once, before routes start
 * (YAML {@code beans:} are created too early for that). Routes refer to them by name.
 */
@Configuration
public class AppConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        Settings settings = Settings.load(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null));
        LOG.info("Configuración en uso (claves secretas ocultas):\n{}", String.join("\n", settings.summary()));
        String dataDir = context.getPropertiesComponent().resolveProperty("data.dir").orElse("data");
        String layoutsDir = context.getPropertiesComponent().resolveProperty("layouts.dir").orElse("layouts");

        LayoutRegistry layouts = LayoutRegistry.load(Path.of(layoutsDir));
        LOG.info("Plantillas de diseño de PDF desde {}: {}", layouts.source(), layouts.names());

        Database database = Database.open(settings, Path.of(dataDir));
        var registry = context.getRegistry();
        registry.bind("database", Database.class, database, null, "close");
        registry.bind("dataSource", DataSource.class, database.dataSource());
        registry.bind("settings", Settings.class, settings);
        registry.bind("confirmationExtractor", ConfirmationExtractor.class, new ConfirmationExtractor(layouts));
        registry.bind("healthReport", HealthReport.class, new HealthReport(context, settings, database));

        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new DatabaseHealthCheck(database));
        }
        for (Settings.Mailbox mailbox : new Settings.Mailbox[] {settings.confirmationsMailbox(), settings.ocMailbox()}) {
            if (!mailbox.configured()) {
                LOG.warn("Buzón de {}: no configurado ({}); el servicio funciona sin leerlo", mailbox.name(),
                        mailbox.notConfiguredReason());
            }
        }
    }
}
