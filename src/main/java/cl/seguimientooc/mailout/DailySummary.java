package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.ladder.PendingAges;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The admins' e-mail on business days (routes/daily-summary.camel.yaml): claimed once per day across
 * replicas, built from one SQL statement, rendered from templates/resumen_diario.*.
 */
public final class DailySummary {

    private static final Logger LOG = LoggerFactory.getLogger(DailySummary.class);
    private static final SqlStatements SQL = SqlStatements.load("summary.sql");
    public static final String TEMPLATE = "resumen_diario";

    /** When and to whom; {@code enabled} false: never. */
    public record Config(boolean enabled, LocalTime at, List<String> recipients) {
    }

    /** Today's summary, claimed by this replica: the period it covers and who gets it. */
    public record Claim(LocalDate day, LocalDate since, List<String> recipients, String messageId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;
    private final ServiceClock clock;
    private final Config config;
    private final LadderClaims.Sender sender;

    public DailySummary(NamedParameterJdbcTemplate jdbc, Instance instance, ServiceClock clock, Config config,
                        LadderClaims.Sender sender) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.clock = clock;
        this.config = config;
        this.sender = sender;
    }

    /** Today's summary if it is due and no replica has it; null otherwise (the route then does nothing). */
    public Claim claim() {
        if (!config.enabled() || config.recipients().isEmpty()) {
            return null;
        }
        ZonedDateTime now = clock.now().atZone(ChileHolidays.SANTIAGO);
        BusinessCalendar calendar = LadderCalendar.load(jdbc);
        LocalDate today = now.toLocalDate();
        if (!calendar.isBusinessDay(today) || now.toLocalTime().isBefore(config.at())) {
            return null;
        }
        MapSqlParameterSource p = instance.params().addValue("day", today)
                .addValue("recipients", "{" + String.join(",", config.recipients()) + "}");
        jdbc.update(SQL.get("uncertain"), p);
        List<Integer> claimed = jdbc.queryForList(SQL.get("claim"), p, Integer.class);
        if (claimed.isEmpty()) {
            return null;
        }
        LocalDate since = today.minusDays(1);
        while (!calendar.isBusinessDay(since) && since.isAfter(today.minusDays(15))) {
            since = since.minusDays(1); // Monday's summary covers Friday and the weekend
        }
        return new Claim(today, since, config.recipients(), "<resumen-" + today + "-" + java.util.UUID.randomUUID() + "@"
                + (sender.domain() == null ? "seguimiento-oc" : sender.domain()) + ">");
    }

    /** The templates' model: the figures, in Spanish, with the period's dates written out. */
    public Map<String, Object> model(Claim c) {
        MapSqlParameterSource p = new MapSqlParameterSource("since", c.since().atStartOfDay(ChileHolidays.SANTIAGO).toOffsetDateTime())
                .addValue("until", c.day().atStartOfDay(ChileHolidays.SANTIAGO).toOffsetDateTime());
        JsonNode f = Json.read(jdbc.queryForObject(SQL.get("figures"), p, String.class));
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        f.path("pendientes_por_inicio").forEach(d -> perDay.put(LocalDate.parse(d.path("dia").asText()), d.path("n").asLong()));
        List<Map<String, Object>> ages = new ArrayList<>();
        for (PendingAges.Bucket b : PendingAges.of(perDay, c.day(), LadderCalendar.load(jdbc))) {
            ages.add(Map.of("tramo", b.label(), "n", b.count()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fecha", ChileanFormat.longDate(c.day()));
        model.put("desde", ChileanFormat.longDate(c.since()));
        model.put("envios", Json.MAPPER.convertValue(f.path("envios"), List.class));
        model.put("fallidos", f.path("fallidos").asLong());
        model.put("oc_recibidas", f.path("oc_recibidas").asLong());
        model.put("pendientes", f.path("pendientes").asLong());
        model.put("antiguedad", ages);
        model.put("suspendidas", f.path("suspendidas").asLong());
        model.put("sin_asignar", f.path("sin_asignar").asLong());
        model.put("sin_asignar_desde", f.path("sin_asignar_desde").isNull() ? "" : ChileanFormat.longDate(
                java.time.OffsetDateTime.parse(f.path("sin_asignar_desde").asText()).atZoneSameInstant(ChileHolidays.SANTIAGO).toLocalDate()));
        model.put("revision", f.path("revision").asLong());
        model.put("sin_contacto", f.path("sin_contacto").asLong());
        model.put("atencion", Json.MAPPER.convertValue(f.path("atencion"), List.class));
        model.put("atencion_total", f.path("atencion_total").asLong());
        model.put("mensajes_con_error", f.path("mensajes_con_error").asLong());
        model.put("errores_mensajes", Json.MAPPER.convertValue(f.path("errores_mensajes"), List.class));
        model.put("remitente", Map.of("nombre", nz(sender.fromName()), "correo", nz(sender.fromEmail())));
        model.put("oc", Map.of("buzon", nz(sender.replyTo())));
        return model;
    }

    /** The rendered parts become the message; recorded as being handed to SMTP. */
    public MimeMessage prepare(Claim c, String subject, String html, String text) throws Exception {
        String cleanSubject = subject.strip().replaceAll("\\s+", " ");
        Outgoing o = new Outgoing(0, 0, TEMPLATE, TEMPLATE, false, false, c.messageId(), sender.fromHeader(), c.recipients(),
                List.of(), null, c.day(), null, 1, null);
        MimeMessage m = MimeBuilder.build(o, cleanSubject, html, text.strip() + "\n");
        jdbc.update(SQL.get("sending"), instance.params().addValue("day", c.day()).addValue("subject", cleanSubject)
                .addValue("messageId", c.messageId()));
        return m;
    }

    public void sent(Claim c) {
        jdbc.update(SQL.get("sent"), instance.params().addValue("day", c.day()));
        LOG.info("Resumen diario del {} enviado a {}", c.day(), c.recipients());
    }

    /** Not handed to SMTP: retried on the next check (3 attempts); handed over: uncertain, not resent. */
    public void failed(Claim c, Exception e) {
        String error = e == null ? "error desconocido" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        jdbc.update(SQL.get("failed"), instance.params().addValue("day", c.day()).addValue("error", error));
        LOG.error("Resumen diario del {}: no se pudo enviar ({})", c.day(), error);
    }

    /** A sample model, to check the templates at startup. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fecha", "martes 1 de diciembre de 2026");
        m.put("desde", "lunes 30 de noviembre de 2026");
        m.put("envios", List.of(Map.of("paso", "solicitud_inicial", "n", 12), Map.of("paso", "recordatorio", "n", 4)));
        m.put("fallidos", 1L);
        m.put("oc_recibidas", 9L);
        m.put("pendientes", 31L);
        m.put("antiguedad", List.of(Map.of("tramo", "0–1", "n", 20L), Map.of("tramo", "2–3", "n", 11L)));
        m.put("suspendidas", 2L);
        m.put("sin_asignar", 3L);
        m.put("sin_asignar_desde", "viernes 27 de noviembre de 2026");
        m.put("revision", 1L);
        m.put("sin_contacto", 0L);
        m.put("atencion", List.of(Map.of("id_reserva", "45215412", "motivo", "el servidor rechazó el destinatario")));
        m.put("atencion_total", 1L);
        m.put("mensajes_con_error", 1L);
        m.put("errores_mensajes", List.of(Map.of("asunto", "Confirmación 1234", "error", "PDF dañado")));
        m.put("remitente", Map.of("nombre", "Seguimiento OC", "correo", "seguimiento@agencia.cl"));
        m.put("oc", Map.of("buzon", "oc@agencia.cl"));
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
