package cl.seguimientooc;

import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.db.DatabaseHealthCheck;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.ladder.LadderConfig;
import cl.seguimientooc.mailout.LadderMailModel;
import cl.seguimientooc.mailout.MailTemplates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the settings (one place, {@link Settings}), hands them to Camel's placeholders, and
 * binds the beans the routes call, once, before routes start (YAML {@code beans:} are built too
 * early for beans that need the database).
 */
@Configuration
public class AppConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        // jakarta.mail looks its stream provider up through ServiceLoader (a scan of every jar) each
        // time a header is encoded; naming it skips the scan, a large share of each send's CPU.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        // Our lookup reads application.properties as UTF-8 (Camel's reads ISO-8859-1); the validated
        // values are what every {{key}} in routes/ resolves to: one channel for configuration.
        Settings settings = Settings.load(Settings.standardLookup(Path.of("").toAbsolutePath(), System.getenv()));
        LOG.info("Configuración en uso (claves secretas ocultas):");
        settings.summary().forEach(line -> LOG.info("{}", line));
        var properties = context.getPropertiesComponent();
        for (Setting s : Setting.values()) {
            if (!settings.get(s).isEmpty()) {
                properties.addOverrideProperty(s.property(), settings.get(s));
            }
        }
        properties.addOverrideProperty("ladder.interval.ms", String.valueOf(LadderBeans.intervalMillis(settings)));

        LadderConfig ladders = Services.ladders(settings);
        MailTemplates templates = new MailTemplates(Path.of(settings.get(Setting.TEMPLATES_DIR)));
        List<String> names = new ArrayList<>(ladders.templates());
        names.addAll(MailTemplates.NOTICES);
        List<String> problems = templates.check(names, LadderMailModel.sample());
        problems.addAll(templates.check(List.of(cl.seguimientooc.mailout.DailySummary.TEMPLATE),
                cl.seguimientooc.mailout.DailySummary.sample()));
        if (!problems.isEmpty()) { // reported now, not when the first e-mail is due
            throw new ConfigException("plantillas de correo con errores (" + templates.source() + "):\n  - "
                    + String.join("\n  - ", problems), "templates.dir");
        }
        LOG.info("Escalera desde {}: {}; variantes: {}", ladders.source(), ladders.defaults().names(), ladders.variantNames());
        LayoutRegistry layouts = LayoutRegistry.load(Path.of(settings.get(Setting.LAYOUTS_DIR)));
        LOG.info("Plantillas de diseño de PDF desde {}: {}", layouts.source(), layouts.names());

        Database database = Database.open(settings, Path.of(settings.get(Setting.DATA_DIR)));
        var registry = context.getRegistry();
        context.getTypeConverterRegistry().addTypeConverters(new cl.seguimientooc.web.TextConverters());
        registry.bind("apiErrors", cl.seguimientooc.web.ApiErrors.class, new cl.seguimientooc.web.ApiErrors());
        registry.bind("database", Database.class, database, null, "close");
        registry.bind("dataSource", DataSource.class, database.dataSource());
        registry.bind("settings", Settings.class, settings);
        registry.bind("mailTemplates", MailTemplates.class, templates);
        ConfirmationExtractor extractor = new ConfirmationExtractor(layouts);
        registry.bind("confirmationExtractor", ConfirmationExtractor.class, extractor);
        registry.bind("healthReport", cl.seguimientooc.web.HealthReport.class,
                new cl.seguimientooc.web.HealthReport(context, settings, database));
        Services services = IntakeBeans.bind(context, settings, extractor, database, ladders);
        LadderBeans.bind(registry, settings, services, templates, ladders);
        WebBeans.bind(context, settings, services, templates, ladders);
        try {
            OpsBeans.bind(context, settings, services);
        } catch (Exception e) {
            throw new IllegalStateException("no se pudo registrar la observabilidad (métricas, JMX): " + e.getMessage(), e);
        }
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        if (health != null) {
            health.register(new DatabaseHealthCheck(database));
        }
    }
}
