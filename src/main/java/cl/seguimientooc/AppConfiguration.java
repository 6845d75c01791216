package cl.seguimientooc;

import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.mailout.LadderMailModel;
import cl.seguimientooc.mailout.MailTemplates;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.mail.ExtractionAhead;
import cl.seguimientooc.mail.MailIntake;
import cl.seguimientooc.mail.MailKeys;
import cl.seguimientooc.mail.MailboxRoutes;
import cl.seguimientooc.mail.ProcessedMailRepository;
import cl.seguimientooc.mail.RecentMessages;
import cl.seguimientooc.mail.SeenRestorer;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.db.DatabaseHealthCheck;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.HealthReport;
import java.nio.file.Path;
import java.util.List;
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

        MailTemplates templates = new MailTemplates(Path.of(
                context.getPropertiesComponent().resolveProperty("templates.dir").orElse("templates")));
        List<String> templateProblems = templates.check(LadderMailModel.sample());
        if (!templateProblems.isEmpty()) {
            // Reported now, not when the first e-mail is due.
            throw new ConfigException("plantillas de correo con errores (" + templates.source() + "):\n  - "
                    + String.join("\n  - ", templateProblems), "templates.dir");
        }
        LOG.info("Plantillas de correo desde {}: {}", templates.source(), MailTemplates.KINDS);

        LayoutRegistry layouts = LayoutRegistry.load(Path.of(layoutsDir));
        LOG.info("Plantillas de diseño de PDF desde {}: {}", layouts.source(), layouts.names());

        Database database = Database.open(settings, Path.of(dataDir));
        var registry = context.getRegistry();
        registry.bind("database", Database.class, database, null, "close");
        registry.bind("dataSource", DataSource.class, database.dataSource());
        registry.bind("settings", Settings.class, settings);
        registry.bind("mailTemplates", MailTemplates.class, templates);
        ConfirmationExtractor extractor = new ConfirmationExtractor(layouts);
        registry.bind("confirmationExtractor", ConfirmationExtractor.class, extractor);
        registry.bind("healthReport", HealthReport.class, new HealthReport(context, settings, database));
        bindIntake(context, settings, extractor, database);

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

    /** Mail intake, reservations and clients: the beans the mailbox routes and the API call. */
    private static void bindIntake(CamelContext context, Settings settings, ConfirmationExtractor extractor, Database database) {
        var registry = context.getRegistry();
        int staleSeconds = Integer.parseInt(context.getPropertiesComponent().resolveProperty("mail.claim.stale.seconds")
                .orElse("600"));
        Services services = new Services(settings, database, extractor, staleSeconds);
        registry.bind("db", Db.class, services.db);
        registry.bind("extractionAhead", ExtractionAhead.class, services.extractionAhead, null, "shutdown");
        registry.bind("reservationStore", ReservationStore.class, services.reservations);
        registry.bind("clientStore", ClientStore.class, services.clients);
        registry.bind("processedMailRepository", ProcessedMailRepository.class, services.mailRepository);
        RecentMessages recentMessages = new RecentMessages(settings.getInt(Setting.MAIL_LOOKBACK_DAYS));
        registry.bind("recentMessages", RecentMessages.class, recentMessages);
        registry.bind("mailKeys", MailKeys.class, new MailKeys(recentMessages, services.mailRepository, services.extractionAhead));
        registry.bind("mailJavaProperties", java.util.Properties.class, MailKeys.javaMailProperties());
        registry.bind("seenRestorer", SeenRestorer.class, services.seenRestorer);
        registry.bind("mailIntake", MailIntake.class, services.intake);
        registry.bind("api", Api.class, new Api(services.db, services.clients, services.intake, services.reprocessRoles()));
        for (MailboxRoutes.Reader r : services.readers) {
            LOG.info("Ruta {}: lee {} ({}) cada {} s para: {}", r.routeId(), r.mailboxId(), r.mailbox().ssl() ? "IMAPS" : "IMAP",
                    r.mailbox().intervalSeconds(), r.roles());
        }
        if (services.senders.acceptsAnyone()) {
            LOG.warn("ALLOWED_CONFIRMATION_SENDERS está vacío: se aceptan confirmaciones de cualquier remitente");
        }
    }
}
