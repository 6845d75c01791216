package cl.seguimientooc.web.pages;

import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.mailout.LadderCalendar;
import cl.seguimientooc.mailout.LadderMailModel;
import cl.seguimientooc.mailout.MailTemplates;
import cl.seguimientooc.web.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Plantillas: each e-mail template rendered for a chosen reservation, or for sample data. The HTML
 * body is shown in a sandboxed frame (/plantillas/vista), never mixed into the dashboard's page.
 */
public final class TemplatePages {

    private final MailTemplates templates;
    private final List<String> names;
    private final Api api;
    private final NamedParameterJdbcTemplate jdbc;
    private final cl.seguimientooc.mailout.LadderClaims.Sender sender;

    public TemplatePages(MailTemplates templates, java.util.Collection<String> ladderTemplates, Api api,
                         NamedParameterJdbcTemplate jdbc, cl.seguimientooc.mailout.LadderClaims.Sender sender) {
        this.templates = templates;
        TreeSet<String> all = new TreeSet<>(ladderTemplates);
        all.addAll(MailTemplates.NOTICES);
        this.names = List.copyOf(all);
        this.api = api;
        this.jdbc = jdbc;
        this.sender = sender;
    }

    public Page page(@Header("plantilla") String template, @Header("reserva") String reservation) {
        String chosen = template == null || template.isBlank() ? names.get(0) : template.strip();
        if (!names.contains(chosen)) {
            throw new IllegalArgumentException("plantilla desconocida «" + chosen + "»; use una de: " + String.join(", ", names));
        }
        MailTemplates.Rendered r = templates.render(chosen, model(reservation));
        Map<String, Object> model = new HashMap<>();
        model.put("plantillas", names);
        model.put("plantilla", chosen);
        model.put("reserva", reservation == null ? "" : reservation.strip());
        model.put("asunto", r.subject());
        model.put("texto", r.text());
        model.put("origen", templates.source());
        return new Page("plantillas.ftl", model);
    }

    /** The rendered HTML body alone, for the preview frame. */
    public String view(@Header("plantilla") String template, @Header("reserva") String reservation, Exchange exchange) {
        if (template == null || !names.contains(template.strip())) {
            throw new IllegalArgumentException("plantilla desconocida «" + template + "»");
        }
        String html = templates.render(template.strip(), model(reservation)).html();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        return html;
    }

    /** {@code /correos/{id}/vista}: a ladder e-mail as recorded when it was sent (HTML, or its text). */
    public String sent(@Header("id") long id, Exchange exchange) {
        List<String> html = jdbc.query("SELECT COALESCE(body_html, '<pre>' || replace(replace(replace(COALESCE(body_text, ''),"
                + " '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</pre>') FROM sent_email WHERE id = :id", Map.of("id", id),
                (rs, i) -> rs.getString(1));
        if (html.isEmpty()) {
            throw new java.util.NoSuchElementException("no existe el correo " + id);
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        return html.get(0);
    }

    /** A reservation's own data (dates of its request and a suspension five business days later), or the sample. */
    public Map<String, Object> model(String code) {
        if (code == null || code.isBlank()) {
            return LadderMailModel.sample();
        }
        Map<String, Object> r = Dashboard.read(api.reservation(code.strip()));
        List<String> guests = new ArrayList<>();
        for (Object room : (List<?>) r.get("habitaciones")) {
            for (Object g : (List<?>) ((Map<?, ?>) room).get("huespedes")) {
                Map<?, ?> guest = (Map<?, ?>) g;
                guests.add((str(guest.get("nombres")) + " " + str(guest.get("apellidos"))).strip());
            }
        }
        BusinessCalendar calendar = LadderCalendar.load(jdbc);
        Object started = r.get("escalera_iniciada");
        LocalDate request = started == null ? LocalDate.now(cl.seguimientooc.ladder.ChileHolidays.SANTIAGO)
                : java.time.OffsetDateTime.parse(started.toString()).atZoneSameInstant(cl.seguimientooc.ladder.ChileHolidays.SANTIAGO).toLocalDate();
        LocalDate suspension = calendar.addBusinessDays(request, 5);
        return LadderMailModel.of(new LadderMailModel.ReservationView(str(r.get("id_reserva")), str(r.get("loc_interno")),
                        str(r.get("localizador")), str(r.get("agencia")), str(r.get("nombre_hotel")), date(r.get("fecha_checkin")),
                        date(r.get("fecha_checkout")), r.get("monto_total") == null ? null : new BigDecimal(r.get("monto_total").toString()),
                        str(r.get("moneda")), guests, str(r.get("telefono_hotel"))),
                sender.replyTo(), sender.fromName(), sender.fromEmail(), request, suspension.atTime(18, 0));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
