package cl.seguimientooc.mailout;

import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import cl.seguimientooc.mail.MailContent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The steps of routes/ladder.camel.yaml around the SMTP endpoint: takes a claimed e-mail for
 * sending, gives its template model, records its content before SMTP and the server's answer
 * after, keeping the two apart: once the server has accepted a message, nothing that happens after
 * (a database error) can make it go out again. A message handed to SMTP whose answer was never
 * recorded (its process died) is 'incierto': shown to an admin, never resent by itself, and its
 * reservation's ladder waits.
 */
public final class LadderOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(LadderOutbox.class);
    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");

    /** What became of one e-mail, in the API's words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sent(@JsonProperty("correo_id") long id, @JsonProperty("tipo") String step,
                       @JsonProperty("estado") String status, @JsonProperty("para") List<String> to,
                       @JsonProperty("asunto") String subject, @JsonProperty("error") String error,
                       @JsonProperty("reintento") String retryAt) {
    }

    /** Retry limits for sends that failed after the route's redeliveries. */
    public record Retry(Duration base, Duration max, int maxAttempts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;
    private final ReservationStore reservations;
    private final LadderClaims.Sender sender;
    private final MailTemplates templates;
    private final LadderPlanner planner;
    private final Retry retry;
    private final ServiceClock clock;
    /** E-mails this process is sending now: not uncertain, whatever the database says. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Answers the server gave but the database did not take yet: recorded on the next run. */
    private final Map<Long, Runnable> unrecorded = new ConcurrentHashMap<>();
    private final Map<Long, String> subjects = new ConcurrentHashMap<>();
    /** Counts sends and failures by level and tracks the SMTP connection (metrics, JMX, health); null: not observed. */
    private volatile cl.seguimientooc.ops.Telemetry telemetry;

    public LadderOutbox(NamedParameterJdbcTemplate jdbc, Instance instance, ReservationStore reservations,
                        LadderClaims.Sender sender, MailTemplates templates, LadderPlanner planner, Retry retry, ServiceClock clock) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.reservations = reservations;
        this.sender = sender;
        this.templates = templates;
        this.planner = planner;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * Before a run: records the answers kept in memory, then flags every send whose process is gone
     * (or that this process could not record) as uncertain, pausing its reservation's ladder.
     */
    public void settle() {
        for (Map.Entry<Long, Runnable> e : unrecorded.entrySet()) {
            try {
                e.getValue().run();
                unrecorded.remove(e.getKey());
            } catch (RuntimeException ex) {
                return; // the database is still away; the next run tries again
            }
        }
        String busy = "{" + String.join(",", List.copyOf(inFlight).stream().map(String::valueOf).toList()) + "}";
        String pending = "{" + String.join(",", unrecorded.keySet().stream().map(String::valueOf).toList()) + "}";
        jdbc.query(SQL.get("uncertain"), instance.params().addValue("inFlight", busy).addValue("unrecorded", pending), rs -> {
            long reservationId = rs.getLong("reservation_id");
            String kind = rs.getString("kind");
            String why = "el envío de " + kind + " se interrumpió antes de registrar la respuesta del servidor: puede que"
                    + " haya llegado. Verifique con el cliente, reenvíelo a mano si no llegó y reanude la escalera";
            jdbc.update(SQL.get("hold_for_uncertain"), Map.of("id", reservationId, "reason", why));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("correo_id", rs.getLong("id"));
            details.put("tipo", kind);
            details.put("enviado_por", rs.getString("sending_by"));
            reservations.audit("sistema", "envio_incierto", reservationId, details);
            LOG.warn("Correo {} ({}) quedó incierto (lo enviaba {}); la escalera de la reserva {} queda en pausa",
                    rs.getLong("id"), kind, rs.getString("sending_by"), reservationId);
        });
    }

    /** Takes a claimed e-mail for sending; null when another run has it or its reservation left the ladder. */
    public Outgoing start(long emailId) {
        inFlight.add(emailId); // before the row says 'enviando': never seen as uncertain while we send it
        try {
            return take(emailId);
        } catch (RuntimeException e) {
            inFlight.remove(emailId);
            throw e;
        }
    }

    private Outgoing take(long emailId) {
        List<Outgoing.Taken> rows = jdbc.query(SQL.get("start_sending"), Map.of("id", emailId, "instance", instance.id()),
                Outgoing.MAPPER);
        if (rows.isEmpty()) {
            inFlight.remove(emailId);
            return null;
        }
        Outgoing.Taken taken = rows.get(0);
        Outgoing o = taken.mail();
        if (o.whilePending() && !o.manual() && !"pendiente".equals(taken.reservationStatus())) {
            // The reservation left the ladder (OC received, cancelled, ...) after the claim: nothing more goes out.
            jdbc.update(SQL.get("mark_cancelled"), Map.of("id", emailId, "reason", "la reserva pasó a " + taken.reservationStatus()));
            inFlight.remove(emailId);
            return null;
        }
        return o.withTemplate(templates.resolve(o.template()));
    }

    /** The template model (what templates/*.ftl see). */
    public Map<String, Object> model(Outgoing o) {
        LocalDateTime suspension = o.suspensionAt() == null ? null
                : LocalDateTime.ofInstant(o.suspensionAt(), cl.seguimientooc.ladder.ChileHolidays.SANTIAGO);
        return LadderMailModel.of(o.reservation(), sender.replyTo(), sender.fromName(), sender.fromEmail(),
                o.requestDay(), suspension);
    }

    /** Records the rendered e-mail exactly as it goes to SMTP, and returns its MIME message. */
    public MimeMessage prepare(Outgoing o, String subject, String html, String text) throws Exception {
        String cleanSubject = subject.strip().replaceAll("\\s+", " ");
        String cleanText = text.strip() + "\n";
        String sha = MailContent.sha256((cleanSubject + "\n" + html + "\n" + cleanText + "\n" + o.to() + o.cc())
                .getBytes(StandardCharsets.UTF_8));
        jdbc.update(SQL.get("record_content"), new MapSqlParameterSource("id", o.id()).addValue("subject", cleanSubject)
                .addValue("html", html).addValue("text", cleanText).addValue("sha", sha).addValue("instance", instance.id()));
        subjects.put(o.id(), cleanSubject);
        return MimeBuilder.build(o, cleanSubject, html, cleanText);
    }

    /** The server accepted it: recorded (or kept in memory until the database takes it), next level planned. */
    public Sent sent(Outgoing o) {
        Instant now = clock.now();
        if (telemetry != null) {
            telemetry.sent(o.step());
        }
        try {
            Runnable record = () -> jdbc.update(SQL.get("mark_sent"), new MapSqlParameterSource("id", o.id())
                    .addValue("sentAt", Timestamp.from(now)).addValue("reply", "250"));
            try {
                record.run();
            } catch (RuntimeException dbError) {
                unrecorded.put(o.id(), record);
                LOG.error("Correo {} ({}) enviado, pero no se pudo registrar ({}); se registrará en la próxima revisión",
                        o.id(), o.step(), dbError.getMessage());
                return result(o, "enviado", null, null);
            }
            if (o.whilePending()) {
                try {
                    planner.afterSent(o.reservationId());
                } catch (RuntimeException dbError) {
                    // the next run plans it (next_step_at is already set to a recheck)
                    LOG.warn("Correo {} enviado; el siguiente paso de la reserva {} se planifica en la próxima revisión: {}",
                            o.id(), o.reservationId(), dbError.getMessage());
                }
            }
            return result(o, "enviado", null, null);
        } finally {
            done(o);
        }
    }

    /** The server refused it for good (the route's onException decided): an admin is told. */
    public Sent rejected(Outgoing o, Exception ex) {
        String reply = SmtpReplies.describe(ex);
        record(o, () -> {
            jdbc.update(SQL.get("mark_failed"), Map.of("id", o.id(), "error", reply, "reply", reply));
            jdbc.update(SQL.get("attention"), Map.of("id", o.reservationId(), "attention", "envío de " + o.step() + " rechazado: " + reply));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("correo_id", o.id());
            details.put("tipo", o.step());
            details.put("error", reply);
            reservations.audit("sistema", "envio_fallido", o.reservationId(), details);
        });
        LOG.error("Correo {} ({}) rechazado definitivamente: {}", o.id(), o.step(), reply);
        if (telemetry != null) {
            telemetry.failed(o.step(), true, ex);
        }
        return result(o, "fallido", reply, null);
    }

    /** Not sent after the route's redeliveries: tried again by a later run, until LADDER_RETRY_MAX_ATTEMPTS. */
    public Sent failed(Outgoing o, Exception ex) {
        if (o.attempts() >= retry.maxAttempts()) {
            return rejected(o, ex);
        }
        String reply = SmtpReplies.describe(ex);
        Instant nextAt = clock.now().plus(backoff(o.attempts()));
        record(o, () -> jdbc.update(SQL.get("mark_retry"), new MapSqlParameterSource("id", o.id()).addValue("error", reply)
                .addValue("reply", reply).addValue("nextAt", Timestamp.from(nextAt))));
        LOG.warn("Correo {} ({}) no enviado (intento {}), se reintenta {}: {}", o.id(), o.step(), o.attempts(), nextAt, reply);
        if (telemetry != null) {
            telemetry.failed(o.step(), false, ex);
        }
        return result(o, "error", reply, nextAt.toString());
    }

    public void observe(cl.seguimientooc.ops.Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration d = retry.base().multipliedBy(factor);
        return d.compareTo(retry.max()) > 0 ? retry.max() : d;
    }

    private void record(Outgoing o, Runnable record) {
        try {
            record.run();
        } catch (RuntimeException dbError) {
            unrecorded.put(o.id(), record); // not sent, and known not sent: never uncertain
        } finally {
            done(o);
        }
    }

    private void done(Outgoing o) {
        inFlight.remove(o.id());
    }

    private Sent result(Outgoing o, String status, String error, String retryAt) {
        return new Sent(o.id(), o.step(), status, "enviado".equals(status) ? o.to() : null, subjects.remove(o.id()), error, retryAt);
    }
}
