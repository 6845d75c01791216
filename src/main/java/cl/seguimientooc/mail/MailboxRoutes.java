package cl.seguimientooc.mail;

import cl.seguimientooc.config.Settings;
import cl.seguimientooc.config.Settings.Mailbox;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/**
 * Instantiates the {@code mailbox-reader} route template (routes/mail-intake.camel.yaml) once per
 * configured mailbox. When the OC mailbox is the confirmations mailbox, one route reads it for both:
 * two readers on one inbox would take each other's mail.
 */
public final class MailboxRoutes extends RouteBuilder {

    public static final String CONFIRMATIONS_ROUTE = "mail-confirmaciones";
    public static final String OC_ROUTE = "mail-oc";

    /** One mailbox route to create. */
    public record Reader(String routeId, Mailbox mailbox, String roles) {
        public String mailboxId() {
            return MailboxIds.of(mailbox.username(), mailbox.host(), mailbox.folder());
        }

        /** Whose login it uses: the confirmations account, or the OC mailbox's own. */
        public String loginConnection() {
            return routeId.equals(OC_ROUTE) ? cl.seguimientooc.config.MailLogins.OC : cl.seguimientooc.config.MailLogins.CONFIRMATIONS;
        }
    }

    /** Found by Camel Main's package scan; reads the settings bound by AppConfiguration. */
    public MailboxRoutes() {
    }

    public static List<Reader> plan(Settings settings) {
        List<Reader> out = new ArrayList<>();
        Mailbox confirmations = settings.confirmationsMailbox();
        Mailbox oc = settings.ocMailbox();
        boolean shared = confirmations.configured() && oc.configured() && oc.sameAs(confirmations);
        if (confirmations.configured()) {
            out.add(new Reader(CONFIRMATIONS_ROUTE, confirmations, shared ? "confirmaciones,oc" : "confirmaciones"));
        }
        if (oc.configured() && !shared) {
            out.add(new Reader(OC_ROUTE, oc, "oc"));
        }
        return out;
    }

    /** The registry name of the reader's MailLogin (its {@code authenticator}). */
    public static String loginBean(Reader r) {
        return "mailLogin-" + r.routeId();
    }

    /** The registry name of the reader's jakarta.mail properties. */
    public static String propertiesBean(Reader r) {
        return "mailProperties-" + r.routeId();
    }

    @Override
    public void configure() {
        Settings settings = getContext().getRegistry().lookupByNameAndType("settings", Settings.class);
        int maxPerPoll = settings.getInt(cl.seguimientooc.config.Setting.MAIL_MAX_PER_POLL);
        for (Reader r : plan(settings)) {
            Mailbox m = r.mailbox();
            templatedRoute("mailbox-reader").routeId(r.routeId())
                    .parameter("protocol", m.ssl() ? "imaps" : "imap")
                    .parameter("host", m.host())
                    .parameter("port", String.valueOf(m.port()))
                    .parameter("username", m.username())
                    .parameter("authenticator", loginBean(r))
                    .parameter("javaMailProperties", propertiesBean(r))
                    .parameter("folder", m.folder())
                    .parameter("delayMillis", String.valueOf(m.intervalSeconds() * 1000L))
                    .parameter("maxPerPoll", String.valueOf(maxPerPoll))
                    .parameter("mailboxId", r.mailboxId())
                    .parameter("roles", r.roles())
                    .parameter("postAction", m.postAction())
                    .parameter("moveFolder", m.moveFolder().isEmpty() ? "Procesados" : m.moveFolder());
        }
    }
}
