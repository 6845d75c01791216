package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.ladder.LadderPolicy.Step;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Runs the escalation ladder: plans each pending reservation's next step, claims due levels in the
 * database (one automatic send per level, ever), sends them over SMTP, records the result, retries
 * transient failures with bounded backoff and suspends reservations at their deadline. Several runs
 * at once (timer, process-now, another instance) are safe: rows are locked with SKIP LOCKED, a level
 * is claimed through a unique index, and only one run moves a claimed e-mail to 'enviando'.
 */
public final class LadderRunner {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");
    private static final int BATCH = 500;
    /** A reservation whose level is being sent is looked at again after this long. */
    private static final Duration IN_FLIGHT_RECHECK = Duration.ofMinutes(10);

    /** Sender identity, recipients and retry limits. */
    public record Config(String fromEmail, String fromName, String replyTo, List<String> adminRecipients,
                         Duration retryBase, Duration retryMax, int maxAttempts, boolean smtpConfigured) {
    }

    /** Sends one MIME message; throws the SMTP failure. */
    public interface Transport {
        void send(MimeMessage message) throws Exception;
    }

    private final Db db;
    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceClock clock;
    private final Supplier<LadderPolicy> policy;
    private final Schedule schedule;
    private final ReservationStore reservations;
    private final Config config;
    private final LadderSender sender;
    private final LadderClaims claims;

    public LadderRunner(Db db, Instance instance, ServiceClock clock, Supplier<LadderPolicy> policy, Schedule schedule,
                        MailTemplates templates, ReservationStore reservations, Config config, Transport transport) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.clock = clock;
        this.policy = policy;
        this.schedule = schedule;
        this.reservations = reservations;
        this.config = config;
        this.sender = new LadderSender(jdbc, instance, reservations, config, transport, clock);
        this.claims = new LadderClaims(jdbc, instance, templates, config);
    }

    /** One pass of the ladder. Returns what it did, in the API's words. */
    public Map<String, Object> run() {
        Instant now = clock.now();
        LadderPolicy rules = policy.get();
        List<Map<String, Object>> sent = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        List<String> suspended = new ArrayList<>();
        int planned = 0;
        for (long id : jdbc.queryForList(SQL.get("to_plan"), Map.of("limit", BATCH * 4), Long.class)) {
            planned += db.tx().execute(s -> plan(id, rules, now, false, suspended)) ? 1 : 0;
        }
        sender.settle();
        List<Long> claimed = new ArrayList<>();
        if (config.smtpConfigured()) {
            for (long id : jdbc.queryForList(SQL.get("due"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class)) {
                Long emailId = db.tx().execute(s -> step(id, rules, now, suspended));
                if (emailId != null) {
                    claimed.add(emailId);
                }
            }
            LinkedHashSet<Long> toSend = new LinkedHashSet<>(claimed);
            toSend.addAll(jdbc.queryForList(SQL.get("to_send"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class));
            for (long emailId : toSend) {
                Map<String, Object> result = send(emailId, rules);
                if (result != null) {
                    ("enviado".equals(result.get("estado")) ? sent : failed).add(result);
                }
            }
        } else {
            // Suspensions do not need SMTP for the client; the admin notice waits for SMTP.
            for (long id : jdbc.queryForList(SQL.get("due"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class)) {
                db.tx().execute(s -> plan(id, rules, now, true, suspended));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ahora", now.toString());
        out.put("planificadas", planned);
        out.put("enviados", sent);
        out.put("con_error", failed);
        out.put("suspendidas", suspended);
        if (!config.smtpConfigured()) {
            out.put("aviso", "SMTP no configurado: no se envían correos (SMTP_HOST)");
        }
        return out;
    }

    /** Computes and stores the next step; with {@code suspendIfDue}, also carries out a due suspension. */
    private boolean plan(long id, LadderPolicy rules, Instant now, boolean suspendIfDue, List<String> suspended) {
        Map<String, Object> r = lock(id);
        if (r == null || !"pendiente".equals(r.get("status"))) {
            return false;
        }
        Next next = rules.next(history(id, r), scheduleFor(r), now);
        if (suspendIfDue && next.step() == Step.SUSPENSION && next.due()) {
            suspend(r, rules, now, suspended);
            return true;
        }
        setNext(id, next);
        return true;
    }

    /** Handles one due reservation inside a transaction; returns the id of an e-mail it claimed. */
    private Long step(long id, LadderPolicy rules, Instant now, List<String> suspended) {
        Map<String, Object> r = lock(id);
        if (r == null || !"pendiente".equals(r.get("status"))) {
            return null;
        }
        History h = history(id, r);
        Schedule s = scheduleFor(r);
        Next next = rules.next(h, s, now);
        if (!next.due()) {
            setNext(id, next);
            return null;
        }
        if (next.step() == Step.SUSPENSION) {
            return suspend(r, rules, now, suspended);
        }
        List<String> to = strings(r.get("contact_to"));
        if (to.isEmpty()) {
            jdbc.update(SQL.get("attention"), Map.of("id", id, "attention", "sin correo de contacto: no se puede enviar "
                    + next.step().code()));
            setNext(id, new Next(next.step(), now.plus(IN_FLIGHT_RECHECK), false));
            return null;
        }
        Instant requestAt = h.requestSentAt() == null ? now : h.requestSentAt();
        LocalDateTime suspension = next.step() == Step.ULTIMATUM
                ? LocalDateTime.ofInstant(rules.suspensionAfterUltimatumOn(now.atZone(s.zone()).toLocalDate(), s), s.zone())
                : null;
        List<String> cc = new ArrayList<>(config.adminRecipients());
        cc.addAll(strings(r.get("contact_cc")));
        Long emailId = claims.claim(r, next.step().code(), next.step().level(), false, to, cc, config.replyTo(),
                requestAt.atZone(s.zone()).toLocalDate(), suspension);
        setNext(id, new Next(next.step(), now.plus(IN_FLIGHT_RECHECK), false));
        return emailId;
    }

    private Long suspend(Map<String, Object> r, LadderPolicy rules, Instant now, List<String> suspended) {
        long id = ((Number) r.get("id")).longValue();
        Schedule s = scheduleFor(r);
        History h = history(id, r);
        jdbc.update(SQL.get("suspend"), Map.of("id", id, "reason", "sin OC después del último aviso"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("antes", "pendiente");
        details.put("despues", "suspendida");
        details.put("motivo", "sin OC después del último aviso");
        reservations.audit("sistema", "estado_cambiado", id, details);
        suspended.add((String) r.get("reservation_code"));
        if (config.adminRecipients().isEmpty()) {
            return null;
        }
        LocalDate requestDay = h.requestSentAt() == null ? null : h.requestSentAt().atZone(s.zone()).toLocalDate();
        return claims.claim(r, "aviso_suspension", 4, false, config.adminRecipients(), List.of(), config.fromEmail(),
                requestDay, LocalDateTime.ofInstant(now, s.zone()));
    }

    /**
     * Queues an admin notice about a reservation (sent by the next run), inside the caller's
     * transaction; at most once per reservation and kind ({@code level} 5 for the OC of a suspended one).
     */
    public void queueAdminNotice(long reservationId, String kind) {
        if (config.adminRecipients().isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("view"), Map.of("id", reservationId));
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> r = rows.get(0);
        Instant now = clock.now();
        Schedule s = scheduleFor(r);
        claims.claim(r, kind, 5, false, config.adminRecipients(), List.of(), config.fromEmail(), null,
                LocalDateTime.ofInstant(now, s.zone()));
    }

    /** Queues the acknowledgement to whoever sent the OC (once per reservation), in the caller's transaction. */
    public void queueAcknowledgement(long reservationId, String to) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("view"), Map.of("id", reservationId));
        if (rows.isEmpty() || to == null || to.isBlank()) {
            return;
        }
        Instant now = clock.now();
        claims.claim(rows.get(0), "acuse_oc", 6, false, List.of(to), List.of(), config.replyTo(), null, null);
    }

    /**
     * Sends one level again on purpose (an admin's decision), recorded as a manual resend; the
     * automatic ladder is not affected. Returns what happened.
     */
    public Map<String, Object> resend(String reservationCode, String kind, String actor) {
        Step step = java.util.Arrays.stream(new Step[] {Step.SOLICITUD_INICIAL, Step.RECORDATORIO, Step.ULTIMATUM})
                .filter(x -> x.code().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tipo_correo debe ser solicitud_inicial, recordatorio_dia2 o ultimatum_dia4"));
        if (!config.smtpConfigured()) {
            throw new IllegalStateException("SMTP no configurado (SMTP_HOST): no se puede enviar");
        }
        List<Long> found = jdbc.queryForList(SQL.get("find_by_code"), Map.of("code", reservationCode), Long.class);
        if (found.isEmpty()) {
            throw new java.util.NoSuchElementException("no existe la reserva «" + reservationCode + "»");
        }
        LadderPolicy rules = policy.get();
        Instant now = clock.now();
        Long emailId = db.tx().execute(tx -> {
            Map<String, Object> r = jdbc.queryForList(SQL.get("view") + " FOR UPDATE OF r", Map.of("id", found.get(0))).get(0);
            if ("cancelada".equals(r.get("status"))) {
                throw new IllegalStateException("la reserva está cancelada");
            }
            List<String> to = strings(r.get("contact_to"));
            if (to.isEmpty()) {
                throw new IllegalStateException("el cliente no tiene correo de contacto");
            }
            Schedule s = scheduleFor(r);
            History h = history(found.get(0), r);
            LocalDate requestDay = (h.requestSentAt() == null ? now : h.requestSentAt()).atZone(s.zone()).toLocalDate();
            LocalDateTime suspension = step == Step.ULTIMATUM
                    ? LocalDateTime.ofInstant(rules.suspensionAfterUltimatumOn(now.atZone(s.zone()).toLocalDate(), s), s.zone())
                    : null;
            List<String> cc = new ArrayList<>(config.adminRecipients());
            cc.addAll(strings(r.get("contact_cc")));
            Long id = claims.claim(r, step.code(), step.level(), true, to, cc, config.replyTo(), requestDay, suspension);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tipo", step.code());
            details.put("correo_id", id);
            reservations.audit(actor, "reenvio_manual", found.get(0), details);
            return id;
        });
        Map<String, Object> result = send(emailId, rules);
        return result == null ? Map.of("correo_id", emailId, "estado", "en_curso") : result;
    }

    /** Sends a claimed e-mail; a client e-mail that went out gets its reservation's next step planned. */
    private Map<String, Object> send(long emailId, LadderPolicy rules) {
        return sender.send(emailId, reservationId -> db.tx().execute(s -> plan(reservationId, rules, clock.now(), false,
                new ArrayList<>())));
    }

    private Map<String, Object> lock(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("view") + " FOR UPDATE OF r SKIP LOCKED", Map.of("id", id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private History history(long id, Map<String, Object> r) {
        Instant[] sentAt = new Instant[4];
        for (Map<String, Object> row : jdbc.queryForList(SQL.get("history"), Map.of("id", id))) {
            int level = ((Number) row.get("level")).intValue();
            if (level >= 1 && level <= 3 && row.get("sent_at") != null) {
                sentAt[level] = ((Timestamp) row.get("sent_at")).toInstant();
            }
        }
        Object started = r.get("ladder_started_at") != null ? r.get("ladder_started_at") : r.get("created_at");
        return new History(((Timestamp) started).toInstant(), sentAt[1], sentAt[2], sentAt[3]);
    }

    private Schedule scheduleFor(Map<String, Object> r) {
        return schedule.forClient((Integer) r.get("reminder_days"), (Integer) r.get("ultimatum_days"));
    }

    private void setNext(long id, Next next) {
        jdbc.update(SQL.get("set_next"), new MapSqlParameterSource("id", id).addValue("step", next.step().code())
                .addValue("at", Timestamp.from(next.notBefore())));
    }

    static List<String> strings(Object array) {
        return cl.seguimientooc.store.SqlArrays.strings(array);
    }
}
