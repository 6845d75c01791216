package cl.seguimientooc;

import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.mail.ExtractionAhead;
import cl.seguimientooc.mail.MailIntake;
import cl.seguimientooc.mail.MailKeys;
import cl.seguimientooc.mail.MailboxRoutes;
import cl.seguimientooc.mail.ProcessedMailRepository;
import cl.seguimientooc.mail.RecentMessages;
import cl.seguimientooc.mail.SeenRestorer;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.OcApi;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The beans the mailbox routes and the API call: intake, reservations, clients, OCs. */
final class IntakeBeans {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeBeans.class);

    private IntakeBeans() {
    }

    static Services bind(CamelContext context, Settings settings, ConfirmationExtractor extractor, Database database,
                         cl.seguimientooc.ladder.LadderConfig ladders) {
        var registry = context.getRegistry();
        Services services = new Services(settings, database, extractor, Services.hostName() + ":" + settings.get(Setting.WEB_PORT),
                settings.getBoolean(Setting.OC_TEST_CLOCK), Services.OcSettings.of(settings), ladders);
        registry.bind("serviceInstance", Instance.class, services.instance, null, "close");
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
        cl.seguimientooc.mail.auth.MailConnections connections = new cl.seguimientooc.mail.auth.MailConnections(settings,
                new cl.seguimientooc.mail.auth.RefreshTokenStore(services.db.jdbc()));
        registry.bind("mailConnections", cl.seguimientooc.mail.auth.MailConnections.class, connections);
        for (MailboxRoutes.Reader r : services.readers) {
            // each reader logs in as its own account (password or OAuth2) and trusts MAIL_TRUSTSTORE when set
            cl.seguimientooc.mail.auth.MailLogin login = connections.login(r.loginConnection());
            String protocol = r.mailbox().ssl() ? "imaps" : "imap";
            java.util.Properties props = MailKeys.javaMailProperties();
            connections.configure(props, login, protocol);
            registry.bind(MailboxRoutes.loginBean(r), cl.seguimientooc.mail.auth.MailLogin.class, login);
            registry.bind(MailboxRoutes.propertiesBean(r), java.util.Properties.class, props);
            cl.seguimientooc.mail.auth.MailConnections.warnPlaintext("El buzón de " + r.roles(), r.mailbox().host(), r.mailbox().ssl());
        }
        registry.bind("seenRestorer", SeenRestorer.class, services.seenRestorer);
        registry.bind("mailIntake", MailIntake.class, services.intake);
        registry.bind("mailTriage", cl.seguimientooc.mail.MailTriage.class, services.triage);
        registry.bind("mailProcessor", cl.seguimientooc.mail.MailProcessor.class, services.processor);
        registry.bind("api", Api.class, new Api(services.db, services.clients, services.intake, services.reprocessRoles()));
        registry.bind("ocApi", OcApi.class, new OcApi(services.db, services.ocIntake, services.reservations));
        for (MailboxRoutes.Reader r : services.readers) {
            LOG.info("Ruta {}: lee {} ({}) cada {} s para: {}", r.routeId(), r.mailboxId(), r.mailbox().ssl() ? "IMAPS" : "IMAP",
                    r.mailbox().intervalSeconds(), r.roles());
        }
        for (Settings.Mailbox mailbox : new Settings.Mailbox[] {settings.confirmationsMailbox(), settings.ocMailbox()}) {
            if (!mailbox.configured()) {
                LOG.warn("Buzón de {}: no configurado ({}); el servicio funciona sin leerlo", mailbox.name(),
                        mailbox.notConfiguredReason());
            }
        }
        if (services.senders.acceptsAnyone()) {
            LOG.warn("ALLOWED_CONFIRMATION_SENDERS está vacío: se aceptan confirmaciones de cualquier remitente");
        }
        return services;
    }
}
