package cl.seguimientooc;

import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.domain.OcRequirement;
import cl.seguimientooc.domain.SenderRules;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.mail.ExtractionAhead;
import cl.seguimientooc.mail.MailIntake;
import cl.seguimientooc.mail.MailProcessor;
import cl.seguimientooc.mail.MailboxRoutes;
import cl.seguimientooc.mail.ProcessedMailRepository;
import cl.seguimientooc.mail.SeenRestorer;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.matching.OcIntake;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ProcessedMailStore;
import cl.seguimientooc.store.ReservationStore;
import java.util.List;

/**
 * The object graph of the domain services, built in one place: by {@link AppConfiguration} for the
 * running service and by the admin commands (import-clients, reprocess) that run without Camel.
 */
public final class Services {

    public final Db db;
    /** This process as a claim owner, beating in service_instance. */
    public final cl.seguimientooc.store.Instance instance;
    public final ServiceClock clock;
    public final SenderRules senders;
    public final ProcessedMailStore mails;
    public final ReservationStore reservations;
    public final ClientStore clients;
    public final ExtractionAhead extractionAhead;
    public final cl.seguimientooc.mail.MailTriage triage;
    public final MailProcessor processor;
    public final OcIntake ocIntake;
    public final ProcessedMailRepository mailRepository;
    public final SeenRestorer seenRestorer;
    public final MailIntake intake;
    public final List<MailboxRoutes.Reader> readers;
    /** ladder.yaml: the levels, and the variants clients may follow. */
    public final cl.seguimientooc.ladder.LadderConfig ladders;
    /** The outbox: ladder levels and notices are claimed here before they are sent. */
    public final cl.seguimientooc.mailout.LadderClaims outbox;

    /** OC intake settings: match threshold, where files go, whether an OC number alone counts. */
    public record OcSettings(double threshold, java.nio.file.Path filesDir, cl.seguimientooc.matching.OcFiles.Limits limits,
                             boolean acceptWithoutAttachment, List<String> trustedSenders) {
        public static OcSettings of(Settings s) {
            return new OcSettings(s.getDouble(Setting.OC_MATCH_THRESHOLD), java.nio.file.Path.of(s.get(Setting.OC_FILES_DIR)),
                    new cl.seguimientooc.matching.OcFiles.Limits(s.getLong(Setting.OC_MAX_FILE_BYTES), s.getInt(Setting.OC_MAX_FILES)),
                    s.getBoolean(Setting.OC_ACCEPT_WITHOUT_ATTACHMENT), s.getList(Setting.OC_TRUSTED_SENDERS));
        }
    }

    /** {@code instanceName}: stable across restarts of this instance (host:port), see {@link cl.seguimientooc.store.Instance}. */
    public Services(Settings settings, Database database, ConfirmationExtractor extractor, String instanceName) {
        this(settings, database, extractor, instanceName, false, OcSettings.of(settings), ladders(settings));
    }

    /** {@code testClock}: OC_TEST_CLOCK, the simulated clock for tests and demos; {@code ladders}: ladder.yaml, read once. */
    public Services(Settings settings, Database database, ConfirmationExtractor extractor, String instanceName,
                    boolean testClock, OcSettings ocSettings, cl.seguimientooc.ladder.LadderConfig ladders) {
        this.ladders = ladders;
        db = new Db(database.dataSource());
        instance = new cl.seguimientooc.store.Instance(new Db(database.heartbeatDataSource()), instanceName,
                settings.getInt(Setting.MAIL_CLAIM_STALE_SECONDS)).start();
        clock = new ServiceClock(testClock, db.jdbc());
        senders = new SenderRules(settings.getList(Setting.ALLOWED_CONFIRMATION_SENDERS));
        mails = new ProcessedMailStore(db, instance);
        reservations = new ReservationStore(db, new OcRequirement(settings.getList(Setting.AGENCIES_REQUIRING_OC)), clock::now);
        clients = new ClientStore(db, reservations, ladders);
        extractionAhead = new ExtractionAhead(extractor, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        outbox = new cl.seguimientooc.mailout.LadderClaims(db.jdbc(), instance, sender(settings));
        ocIntake = new OcIntake(db, reservations, ocSettings.threshold(),
                new cl.seguimientooc.matching.OcFiles(ocSettings.filesDir(), ocSettings.limits()),
                ocSettings.acceptWithoutAttachment(), ocSettings.trustedSenders(), outbox,
                settings.getBoolean(Setting.OC_ACKNOWLEDGE));
        triage = new cl.seguimientooc.mail.MailTriage(extractionAhead, senders);
        processor = new MailProcessor(triage, db, mails, reservations, ocIntake);
        mailRepository = new ProcessedMailRepository(mails);
        seenRestorer = new SeenRestorer();
        intake = new MailIntake(processor, mails, db, mailRepository, seenRestorer);
        readers = MailboxRoutes.plan(settings);
    }

    /** Reads LADDER_FILE (or the bundled ladder); settings fill its {@code {{key}}} placeholders. */
    public static cl.seguimientooc.ladder.LadderConfig ladders(Settings settings) {
        return cl.seguimientooc.ladder.LadderConfig.load(java.nio.file.Path.of(settings.get(Setting.LADDER_FILE)), key -> {
            Setting s = Settings.byProperty(key);
            return s == null ? null : settings.get(s);
        });
    }

    /** Who the ladder's e-mails are from: SMTP_FROM_*, replies to the OC mailbox, EMAIL_CC_RECIPIENTS in copy. */
    public static cl.seguimientooc.mailout.LadderClaims.Sender sender(Settings settings) {
        String fromEmail = !settings.get(Setting.SMTP_FROM_EMAIL).isEmpty() ? settings.get(Setting.SMTP_FROM_EMAIL)
                : settings.get(Setting.SMTP_USERNAME).contains("@") ? settings.get(Setting.SMTP_USERNAME) : "seguimiento-oc@localhost";
        String ocAddress = settings.ocMailbox().username();
        return new cl.seguimientooc.mailout.LadderClaims.Sender(fromEmail, settings.get(Setting.SMTP_FROM_NAME),
                ocAddress.contains("@") ? ocAddress : fromEmail, settings.getList(Setting.EMAIL_CC_RECIPIENTS));
    }

    /** This host's name, for instance names. */
    public static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** A reprocessed message is read for what the mailboxes are read for; with none configured, for both. */
    public MailProcessor.Roles reprocessRoles() {
        if (readers.isEmpty()) {
            return new MailProcessor.Roles(true, true);
        }
        return new MailProcessor.Roles(readers.stream().anyMatch(r -> r.roles().contains("confirmaciones")),
                readers.stream().anyMatch(r -> r.roles().contains("oc")));
    }
}
