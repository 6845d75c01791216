package cl.seguimientooc;

import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.ladder.LadderConfig;
import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.mailout.LadderAgenda;
import cl.seguimientooc.mailout.LadderCalendar;
import cl.seguimientooc.mailout.LadderOutbox;
import cl.seguimientooc.mailout.LadderPlanner;
import cl.seguimientooc.mailout.MailTemplates;
import cl.seguimientooc.mailout.SmtpReplies;
import cl.seguimientooc.web.LadderApi;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.camel.spi.Registry;

/** The beans routes/ladder.camel.yaml calls, built from the validated settings and ladder.yaml. */
final class LadderBeans {

    private LadderBeans() {
    }

    static void bind(Registry registry, Settings settings, Services services, MailTemplates templates, LadderConfig ladders) {
        LadderPolicy.Schedule schedule = new LadderPolicy.Schedule(settings.getTime(Setting.LADDER_WINDOW_OPEN),
                settings.getTime(Setting.LADDER_WINDOW_CLOSE), settings.getBoolean(Setting.LADDER_REQUEST_IMMEDIATELY),
                ChileHolidays.SANTIAGO);
        var db = services.db;
        Supplier<LadderPolicy> policy = () -> new LadderPolicy(LadderCalendar.load(db.jdbc()));
        LadderPlanner planner = new LadderPlanner(db, services.clock, policy, schedule, ladders, services.reservations,
                services.outbox, !settings.get(Setting.SMTP_HOST).isEmpty());
        LadderOutbox outbox = new LadderOutbox(db.jdbc(), services.instance, services.reservations, services.outbox.sender(),
                templates, planner, new LadderOutbox.Retry(Duration.ofSeconds(settings.getLong(Setting.LADDER_RETRY_BASE_SECONDS)),
                Duration.ofSeconds(settings.getLong(Setting.LADDER_RETRY_MAX_SECONDS)),
                settings.getInt(Setting.LADDER_RETRY_MAX_ATTEMPTS)), services.clock);
        registry.bind("ladderConfig", LadderConfig.class, ladders);
        registry.bind("ladderPlanner", LadderPlanner.class, planner);
        registry.bind("ladderOutbox", LadderOutbox.class, outbox);
        registry.bind("smtpReplies", SmtpReplies.class, new SmtpReplies());
        List<String> summaryTo = settings.getList(Setting.DAILY_SUMMARY_RECIPIENTS).isEmpty()
                ? settings.getList(Setting.EMAIL_CC_RECIPIENTS) : settings.getList(Setting.DAILY_SUMMARY_RECIPIENTS);
        registry.bind("dailySummary", cl.seguimientooc.mailout.DailySummary.class, new cl.seguimientooc.mailout.DailySummary(
                db.jdbc(), services.instance, services.clock, new cl.seguimientooc.mailout.DailySummary.Config(
                        settings.getBoolean(Setting.DAILY_SUMMARY_ENABLED) && !settings.get(Setting.SMTP_HOST).isEmpty(),
                        java.time.LocalTime.parse(settings.get(Setting.DAILY_SUMMARY_TIME)), summaryTo), Services.sender(settings)));
        registry.bind("mailFreemarker", freemarker.template.Configuration.class, templates.configuration());
        var connections = registry.lookupByNameAndType("mailConnections", cl.seguimientooc.mail.auth.MailConnections.class);
        var smtpLogin = connections.login(cl.seguimientooc.config.MailLogins.SMTP);
        Properties smtp = cl.seguimientooc.mail.auth.MailConnections.smtpProperties(settings);
        connections.configure(smtp, smtpLogin, "smtp");
        registry.bind("smtpLogin", cl.seguimientooc.mail.auth.MailLogin.class, smtpLogin);
        registry.bind("smtpJavaProperties", Properties.class, smtp);
        cl.seguimientooc.mail.auth.MailConnections.warnPlaintext("El envío SMTP", settings.get(Setting.SMTP_HOST),
                smtp.containsKey("mail.smtp.ssl.enable") || smtp.containsKey("mail.smtp.starttls.enable"));
        registry.bind("ladderApi", LadderApi.class, new LadderApi(planner,
                new LadderAgenda(db.jdbc(), services.clock, policy, schedule, ladders), new LadderCalendar(db), services.clock));
    }

    /** How often the ladder runs, cluster-wide: SCHEDULER_CHECKS_PER_DAY, or every 15 minutes. */
    static long intervalMillis(Settings settings) {
        String checks = settings.get(Setting.SCHEDULER_CHECKS_PER_DAY);
        return checks.isEmpty() ? 15 * 60_000L : Math.max(60_000L, 86_400_000L / Integer.parseInt(checks));
    }
}
