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
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.mailout.LadderRunner;
import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.LadderApi;
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
        // Our own lookup (same precedence as Camel's) reads application.properties as UTF-8; Camel's
        // reads ISO-8859-1 and would turn "Administración" into mojibake in e-mails.
        Settings settings = Settings.load(Settings.standardLookup(Path.of("").toAbsolutePath(), System.getenv()));
        LOG.info("Configuración en uso (claves secretas ocultas):");
        settings.summary().forEach(line -> LOG.info("{}", line)); // one line each: log lines are CR/LF-encoded
        String dataDir = settings.get(Setting.DATA_DIR);
        String layoutsDir = settings.get(Setting.LAYOUTS_DIR);

        MailTemplates templates = new MailTemplates(Path.of(settings.get(Setting.TEMPLATES_DIR)));
        List<String> templateProblems = templates.check(LadderMailModel.sample());
        if (!templateProblems.isEmpty()) {
            // Reported now, not when the first e-mail is due.
            throw new ConfigException("plantillas de correo con errores (" + templates.source() + "):\n  - "
                    + String.join("\n  - ", templateProblems), "templates.dir");
        }
        LOG.info("Plantillas de correo desde {}: {}", templates.source(), MailTemplates.KINDS);

        LayoutRegistry layouts = LayoutRegistry.load(Path.of(layoutsDir));
        LOG.info("Plantillas de diseño de PDF desde {}: {}", layouts.source(), layouts.names());

        new cl.seguimientooc.web.HttpGuard(settings.get(Setting.ADMIN_USERNAME), settings.get(Setting.ADMIN_PASSWORD),
                settings.getInt(Setting.WEB_MAX_BODY_BYTES)).install(context);
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
        boolean testClock = settings.getBoolean(Setting.OC_TEST_CLOCK);
        Services services = new Services(settings, database, extractor, Services.hostName() + ":" + settings.get(Setting.WEB_PORT),
                testClock, Services.OcSettings.of(settings));
        registry.bind("serviceInstance", cl.seguimientooc.store.Instance.class, services.instance, null, "close");
        String clockAt = settings.get(Setting.OC_TEST_CLOCK_AT);
        if (!clockAt.isEmpty()) {
            LOG.warn("Reloj de prueba fijado en {}", services.clock.set(clockAt));
        } else if (services.clock.simulated()) {
            LOG.warn("Reloj de prueba activo: ahora es {}", services.clock.now());
        }
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
        bindLadder(context, settings, services);
        registry.bind("ocApi", cl.seguimientooc.web.OcApi.class,
                new cl.seguimientooc.web.OcApi(services.db, services.ocIntake, services.reservations));
        for (MailboxRoutes.Reader r : services.readers) {
            LOG.info("Ruta {}: lee {} ({}) cada {} s para: {}", r.routeId(), r.mailboxId(), r.mailbox().ssl() ? "IMAPS" : "IMAP",
                    r.mailbox().intervalSeconds(), r.roles());
        }
        if (services.senders.acceptsAnyone()) {
            LOG.warn("ALLOWED_CONFIRMATION_SENDERS está vacío: se aceptan confirmaciones de cualquier remitente");
        }
    }

    /** The escalation ladder: schedule, calendar, runner, SMTP endpoint and its timer interval. */
    private static void bindLadder(CamelContext context, Settings settings, Services services) {
        var properties = context.getPropertiesComponent();
        LadderPolicy.Schedule schedule = new LadderPolicy.Schedule(settings.getInt(Setting.DAYS_FOR_REMINDER_1),
                settings.getInt(Setting.DAYS_FOR_REMINDER_2), settings.getTime(Setting.LADDER_WINDOW_OPEN),
                settings.getTime(Setting.LADDER_WINDOW_CLOSE), settings.getBoolean(Setting.LADDER_REQUEST_IMMEDIATELY),
                ChileHolidays.SANTIAGO);
        String smtpHost = settings.get(Setting.SMTP_HOST);
        String fromEmail = !settings.get(Setting.SMTP_FROM_EMAIL).isEmpty() ? settings.get(Setting.SMTP_FROM_EMAIL)
                : settings.get(Setting.SMTP_USERNAME).contains("@") ? settings.get(Setting.SMTP_USERNAME) : "seguimiento-oc@localhost";
        String ocAddress = settings.ocMailbox().username();
        LadderRunner.Config config = new LadderRunner.Config(fromEmail, settings.get(Setting.SMTP_FROM_NAME),
                ocAddress.contains("@") ? ocAddress : fromEmail, settings.getList(Setting.EMAIL_CC_RECIPIENTS),
                java.time.Duration.ofSeconds(settings.getLong(Setting.LADDER_RETRY_BASE_SECONDS)),
                java.time.Duration.ofSeconds(settings.getLong(Setting.LADDER_RETRY_MAX_SECONDS)),
                settings.getInt(Setting.LADDER_RETRY_MAX_ATTEMPTS), !smtpHost.isEmpty());
        org.apache.camel.ProducerTemplate[] producer = new org.apache.camel.ProducerTemplate[1];
        LadderRunner.Transport transport = mime -> {
            if (producer[0] == null) {
                producer[0] = context.createProducerTemplate();
            }
            org.apache.camel.Exchange sent = producer[0].send("direct:ladder-smtp", e -> e.getIn().setBody(mime));
            if (sent.getException() != null) {
                throw sent.getException();
            }
        };
        Db db = services.db;
        LadderRunner runner = new LadderRunner(db, services.instance, services.clock,
                () -> new LadderPolicy(cl.seguimientooc.mailout.LadderCalendar.load(db.jdbc())), schedule,
                context.getRegistry().lookupByNameAndType("mailTemplates", MailTemplates.class), services.reservations,
                config, transport);
        context.getRegistry().bind("ladderRunner", LadderRunner.class, runner);
        services.ocIntake.setAdminNotices((kind, reservationId) -> runner.queueAdminNotice(reservationId, kind));
        if (settings.getBoolean(Setting.OC_ACKNOWLEDGE)) {
            services.ocIntake.setAcknowledgements(runner::queueAcknowledgement);
        }
        cl.seguimientooc.mailout.LadderAgenda agenda = new cl.seguimientooc.mailout.LadderAgenda(db.jdbc(), services.clock,
                () -> new LadderPolicy(cl.seguimientooc.mailout.LadderCalendar.load(db.jdbc())), schedule);
        context.getRegistry().bind("ladderApi", LadderApi.class, new LadderApi(runner, agenda, new cl.seguimientooc.mailout.LadderCalendar(db), services.clock));

        int port = settings.getInt(Setting.SMTP_PORT);
        java.util.Properties mailProps = new java.util.Properties();
        mailProps.setProperty("mail.smtp.connectiontimeout", "30000");
        mailProps.setProperty("mail.smtp.timeout", "60000");
        String ssl = settings.get(Setting.LADDER_SMTP_SSL).toLowerCase(java.util.Locale.ROOT);
        if (ssl.equals("true") || (!ssl.equals("false") && port == 465)) {
            mailProps.setProperty("mail.smtp.ssl.enable", "true");
        } else if (settings.getBoolean(Setting.SMTP_USE_TLS)) {
            mailProps.setProperty("mail.smtp.starttls.enable", "true");
            mailProps.setProperty("mail.smtp.starttls.required", "true");
        }
        if (!settings.get(Setting.LADDER_SMTP_SSL_TRUST).isEmpty()) {
            // hosts whose certificate is trusted without the JVM's CA store (a self-signed relay, tests)
            mailProps.setProperty("mail.smtp.ssl.trust", settings.get(Setting.LADDER_SMTP_SSL_TRUST));
        }
        mailProps.setProperty("mail.smtp.ssl.checkserveridentity",
                String.valueOf(settings.getBoolean(Setting.LADDER_SMTP_SSL_CHECK_IDENTITY)));
        context.getRegistry().bind("smtpJavaProperties", java.util.Properties.class, mailProps);
        StringBuilder uri = new StringBuilder("smtp://" + (smtpHost.isEmpty() ? "localhost" : smtpHost) + ":" + port
                + "?additionalJavaMailProperties=#smtpJavaProperties");
        if (!settings.get(Setting.SMTP_USERNAME).isEmpty()) {
            uri.append("&username=").append(java.net.URLEncoder.encode(settings.get(Setting.SMTP_USERNAME),
                    java.nio.charset.StandardCharsets.UTF_8)).append("&password=RAW(").append(settings.get(Setting.SMTP_PASSWORD))
                    .append(")");
        }
        String checks = settings.get(Setting.SCHEDULER_CHECKS_PER_DAY);
        long interval = checks.isEmpty() ? 15 * 60_000L : Math.max(60_000L, 86_400_000L / Integer.parseInt(checks));
        // Computed from the settings, used by routes/ladder.camel.yaml.
        properties.addOverrideProperty("ladder.smtp.uri", uri.toString());
        properties.addOverrideProperty("ladder.interval.ms", String.valueOf(interval));
        LOG.info("Escalera: revisión cada {} min; ventana {}–{}; días {}/{}; SMTP {}", interval / 60_000, schedule.windowOpen(),
                schedule.windowClose(), schedule.reminderDays(), schedule.ultimatumDays(),
                smtpHost.isEmpty() ? "no configurado (no se envían correos)" : smtpHost + ":" + port);
    }
}
