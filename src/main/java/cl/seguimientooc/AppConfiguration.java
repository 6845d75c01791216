package cl.seguimientooc;

import cl.seguimientooc.config.Settings;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.domain.OcRequirement;
import cl.seguimientooc.domain.SenderRules;
import cl.seguimientooc.mail.MailIntake;
import cl.seguimientooc.mail.MailKeys;
import cl.seguimientooc.mail.MailProcessor;
import cl.seguimientooc.mail.MailboxRoutes;
import cl.seguimientooc.mail.PostAction;
import cl.seguimientooc.mail.ProcessedMailRepository;
import cl.seguimientooc.mail.RecentMessages;
import cl.seguimientooc.mail.SeenRestorer;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ProcessedMailStore;
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

        LayoutRegistry layouts = LayoutRegistry.load(Path.of(layoutsDir));
        LOG.info("Plantillas de diseño de PDF desde {}: {}", layouts.source(), layouts.names());

        Database database = Database.open(settings, Path.of(dataDir));
        var registry = context.getRegistry();
        registry.bind("database", Database.class, database, null, "close");
        registry.bind("dataSource", DataSource.class, database.dataSource());
        registry.bind("settings", Settings.class, settings);
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
        var properties = context.getPropertiesComponent();
        int staleSeconds = Integer.parseInt(properties.resolveProperty("mail.claim.stale.seconds").orElse("600"));
        Db db = new Db(database.dataSource());
        OcRequirement ocRequirement = new OcRequirement(settings.getList(Setting.AGENCIES_REQUIRING_OC));
        ProcessedMailStore mails = new ProcessedMailStore(db, staleSeconds);
        ReservationStore reservations = new ReservationStore(db, ocRequirement);
        SenderRules senders = new SenderRules(settings.getList(Setting.ALLOWED_CONFIRMATION_SENDERS));
        MailProcessor processor = new MailProcessor(extractor, senders, db, mails, reservations);
        ProcessedMailRepository repository = new ProcessedMailRepository(mails);
        SeenRestorer seenRestorer = new SeenRestorer();
        List<MailboxRoutes.Reader> readers = MailboxRoutes.plan(settings);

        registry.bind("db", Db.class, db);
        registry.bind("reservationStore", ReservationStore.class, reservations);
        registry.bind("processedMailRepository", ProcessedMailRepository.class, repository);
        registry.bind("mailKeys", MailKeys.class, new MailKeys());
        registry.bind("recentMessages", RecentMessages.class, new RecentMessages(settings.getInt(Setting.MAIL_LOOKBACK_DAYS)));
        registry.bind("seenRestorer", SeenRestorer.class, seenRestorer);
        MailIntake intake = new MailIntake(processor, mails, db, repository, seenRestorer,
                PostAction.fromCode(settings.get(Setting.MAIL_POST_ACTION)), settings.get(Setting.MAIL_MOVE_FOLDER));
        registry.bind("mailIntake", MailIntake.class, intake);
        ClientStore clients = new ClientStore(db, reservations);
        registry.bind("clientStore", ClientStore.class, clients);
        registry.bind("api", Api.class, new Api(db, clients, intake, reprocessRoles(readers)));
        for (MailboxRoutes.Reader r : readers) {
            LOG.info("Ruta {}: lee {} ({}) cada {} s para: {}", r.routeId(), r.mailboxId(), r.mailbox().ssl() ? "IMAPS" : "IMAP",
                    r.mailbox().intervalSeconds(), r.roles());
        }
        if (senders.acceptsAnyone()) {
            LOG.warn("ALLOWED_CONFIRMATION_SENDERS está vacío: se aceptan confirmaciones de cualquier remitente");
        }
    }

    /** A reprocessed message is read for what its mailbox is read for; with no mailbox, for both. */
    static MailProcessor.Roles reprocessRoles(List<MailboxRoutes.Reader> readers) {
        if (readers.isEmpty()) {
            return new MailProcessor.Roles(true, true);
        }
        boolean confirmations = readers.stream().anyMatch(r -> r.roles().contains("confirmaciones"));
        boolean ocs = readers.stream().anyMatch(r -> r.roles().contains("oc"));
        return new MailProcessor.Roles(confirmations, ocs);
    }
}
