package cl.seguimientooc.web;

import cl.seguimientooc.config.Settings;
import cl.seguimientooc.config.Settings.Mailbox;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.mail.MailboxRoutes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;

/** {@code GET /api/health}: one JSON answer an admin or a load balancer can read. */
public final class HealthReport {


    private final CamelContext context;
    private final Settings settings;
    private final Database database;

    public HealthReport(CamelContext context, Settings settings, Database database) {
        this.context = context;
        this.settings = settings;
        this.database = database;
    }

    /** The report as JSON; 503 while the database is down. */
    public String report(Exchange exchange) {
        boolean dbUp = database.isUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("estado", dbUp ? "ok" : "degradado");
        body.put("version", Version.current());
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("estado", dbUp ? "up" : "down");
        db.put("tipo", database.embedded() ? "embebida" : "externa");
        body.put("base_de_datos", db);
        List<Map<String, Object>> mailboxes = new ArrayList<>();
        // Which route reads which mailbox is decided in one place: MailboxRoutes.plan.
        List<MailboxRoutes.Reader> readers = MailboxRoutes.plan(settings);
        mailboxes.add(mailbox(settings.confirmationsMailbox(), routeFor(readers, "confirmaciones")));
        mailboxes.add(mailbox(settings.ocMailbox(), routeFor(readers, "oc")));
        body.put("buzones", mailboxes);
        Map<String, Object> smtp = new LinkedHashMap<>();
        String host = settings.get(cl.seguimientooc.config.Setting.SMTP_HOST);
        smtp.put("estado", host.isEmpty() ? "no_configurado" : "configurado");
        if (!host.isEmpty()) {
            smtp.put("servidor", host + ":" + settings.get(cl.seguimientooc.config.Setting.SMTP_PORT));
        }
        body.put("smtp", smtp);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, dbUp ? 200 : 503);
        return cl.seguimientooc.store.Json.write(body);
    }

    private static String routeFor(List<MailboxRoutes.Reader> readers, String role) {
        return readers.stream().filter(r -> r.roles().contains(role)).map(MailboxRoutes.Reader::routeId).findFirst()
                .orElse(null);
    }

    private Map<String, Object> mailbox(Mailbox mailbox, String routeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buzon", mailbox.name());
        if (!mailbox.configured()) {
            m.put("estado", "no_configurado");
            m.put("detalle", mailbox.notConfiguredReason());
            return m;
        }
        m.put("cuenta", mailbox.username() + "@" + mailbox.host() + "/" + mailbox.folder());
        m.put("ruta", routeId);
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        m.put("estado", status == null ? "sin_ruta" : status.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }
}
