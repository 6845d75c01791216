package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.ladder.LadderPolicy.Step;
import cl.seguimientooc.mail.MailContent;
import cl.seguimientooc.mailout.LadderMailModel.ReservationView;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(LadderRunner.class);
    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");
    private static final int BATCH = 500;
    /** A claim not handed to SMTP after this long was left by a run that died. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    /** A reservation whose level is being sent is looked at again after this long. */
    private static final Duration IN_FLIGHT_RECHECK = Duration.ofMinutes(10);
    /** An SMTP hand-off without a recorded answer after this long was cut by a crash. */
    private static final Duration STALE_SENDING = Duration.ofMinutes(10);
    private static final Session SESSION = Session.getInstance(new Properties());

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
    private final MailTemplates templates;
    private final ReservationStore reservations;
    private final Config config;
    private final Transport transport;

    public LadderRunner(Db db, ServiceClock clock, Supplier<LadderPolicy> policy, Schedule schedule,
                        MailTemplates templates, ReservationStore reservations, Config config, Transport transport) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.clock = clock;
        this.policy = policy;
        this.schedule = schedule;
        this.templates = templates;
        this.reservations = reservations;
        this.config = config;
        this.transport = transport;
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
        for (Map<String, Object> lost : jdbc.queryForList(SQL.get("stale_sending"), new MapSqlParameterSource("sentAt",
                Timestamp.from(now)).addValue("staleBefore", Timestamp.from(Instant.now().minus(STALE_SENDING))))) {
            long reservationId = ((Number) lost.get("reservation_id")).longValue();
            jdbc.update(SQL.get("attention"), Map.of("id", reservationId, "attention", "el envío de " + lost.get("kind")
                    + " se interrumpió: verifique con el cliente si llegó y reenvíelo si no"));
            LOG.warn("Correo {} ({}) quedó a medio enviar; se da por enviado y se marca para revisión", lost.get("id"),
                    lost.get("kind"));
        }
        List<Long> claimed = new ArrayList<>();
        if (config.smtpConfigured()) {
            for (long id : jdbc.queryForList(SQL.get("due"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class)) {
                Long emailId = db.tx().execute(s -> step(id, rules, now, suspended));
                if (emailId != null) {
                    claimed.add(emailId);
                }
            }
            LinkedHashSet<Long> toSend = new LinkedHashSet<>(claimed);
            toSend.addAll(jdbc.queryForList(SQL.get("to_send"), Map.of("now", Timestamp.from(now),
                    "staleBefore", Timestamp.from(Instant.now().minus(STALE_CLAIM)), "limit", BATCH), Long.class));
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
        Long emailId = claim(r, next.step().code(), next.step().level(), false, to, cc, config.replyTo(),
                model(r, requestAt.atZone(s.zone()).toLocalDate(), suspension), now);
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
        return claim(r, "aviso_suspension", 4, false, config.adminRecipients(), List.of(), config.fromEmail(),
                model(r, requestDay, LocalDateTime.ofInstant(now, s.zone())), now);
    }

    /** Records the e-mail exactly as it will be sent; null when the level was already claimed. */
    private Long claim(Map<String, Object> r, String kind, Integer level, boolean manual, List<String> to, List<String> cc,
                       String replyTo, Map<String, Object> model, Instant now) {
        MailTemplates.Rendered mail = templates.render(kind, model);
        String code = (String) r.get("reservation_code");
        String messageId = "<oc-" + code.replaceAll("[^A-Za-z0-9]", "") + "-" + kind + "-" + UUID.randomUUID()
                + "@" + domain(config.fromEmail()) + ">";
        String sha = MailContent.sha256((mail.subject() + "\n" + mail.html() + "\n" + mail.text() + "\n" + to + cc)
                .getBytes(StandardCharsets.UTF_8));
        List<Long> ids = jdbc.queryForList(SQL.get("claim"), new MapSqlParameterSource("reservationId", r.get("id"))
                .addValue("kind", kind).addValue("level", level).addValue("manual", manual).addValue("messageId", messageId)
                .addValue("from", fromHeader()).addValue("to", ClientStore.arrayLiteral(to))
                .addValue("cc", ClientStore.arrayLiteral(cc)).addValue("replyTo", replyTo).addValue("subject", mail.subject())
                .addValue("html", mail.html()).addValue("text", mail.text()).addValue("template", kind).addValue("sha", sha)
                .addValue("claimedAt", Timestamp.from(Instant.now())), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Hands one claimed e-mail to SMTP and records the answer. */
    private Map<String, Object> send(long emailId, LadderPolicy rules) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("start_sending"), Map.of("id", emailId));
        if (rows.isEmpty()) {
            return null; // another run has it
        }
        Map<String, Object> e = rows.get(0);
        long reservationId = ((Number) e.get("reservation_id")).longValue();
        String kind = (String) e.get("kind");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("correo_id", emailId);
        result.put("tipo", kind);
        String status = jdbc.queryForObject(SQL.get("reservation_status"), Map.of("id", reservationId), String.class);
        // notices and acknowledgements go out whatever the reservation's status
        boolean clientMail = !kind.startsWith("aviso") && !kind.equals("acuse_oc");
        if (clientMail && !Boolean.TRUE.equals(e.get("manual")) && !"pendiente".equals(status)) {
            // The reservation left the ladder (OC received, cancelled, ...) after the claim: nothing more goes out.
            jdbc.update(SQL.get("mark_cancelled"), Map.of("id", emailId, "reason", "la reserva pasó a " + status));
            result.put("estado", "cancelado");
            return result;
        }
        Instant now = clock.now();
        try {
            transport.send(mime(e));
            jdbc.update(SQL.get("mark_sent"), new MapSqlParameterSource("id", emailId).addValue("sentAt", Timestamp.from(now))
                    .addValue("reply", "250"));
            result.put("estado", "enviado");
            result.put("para", strings(e.get("to_addresses")));
            result.put("asunto", e.get("subject"));
            if (clientMail) {
                db.tx().execute(s -> plan(reservationId, rules, now, false, new ArrayList<>()));
            }
        } catch (Exception ex) {
            String reply = describe(ex);
            int attempts = jdbc.queryForObject(SQL.get("attempts"), Map.of("id", emailId), Integer.class);
            if (permanent(ex) || attempts >= config.maxAttempts()) {
                jdbc.update(SQL.get("mark_failed"), Map.of("id", emailId, "error", reply, "reply", reply));
                jdbc.update(SQL.get("attention"), Map.of("id", reservationId, "attention",
                        "envío de " + kind + " rechazado: " + reply));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("correo_id", emailId);
                details.put("tipo", kind);
                details.put("error", reply);
                reservations.audit("sistema", "envio_fallido", reservationId, details);
                result.put("estado", "fallido");
                LOG.error("Correo {} ({}) rechazado definitivamente: {}", emailId, kind, reply);
            } else {
                Instant nextAt = now.plus(backoff(attempts));
                jdbc.update(SQL.get("mark_retry"), new MapSqlParameterSource("id", emailId).addValue("error", reply)
                        .addValue("reply", reply).addValue("nextAt", Timestamp.from(nextAt)));
                result.put("estado", "error");
                result.put("reintento", nextAt.toString());
                LOG.warn("Correo {} ({}) no enviado (intento {}), se reintenta {}: {}", emailId, kind, attempts, nextAt, reply);
            }
            result.put("error", reply);
        }
        return result;
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
        claim(r, kind, 5, false, config.adminRecipients(), List.of(), config.fromEmail(),
                model(r, null, LocalDateTime.ofInstant(now, s.zone())), now);
    }

    /** Queues the acknowledgement to whoever sent the OC (once per reservation), in the caller's transaction. */
    public void queueAcknowledgement(long reservationId, String to) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("view"), Map.of("id", reservationId));
        if (rows.isEmpty() || to == null || to.isBlank()) {
            return;
        }
        Instant now = clock.now();
        claim(rows.get(0), "acuse_oc", 6, false, List.of(to), List.of(), config.replyTo(), model(rows.get(0), null, null), now);
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
            Long id = claim(r, step.code(), step.level(), true, to, cc, config.replyTo(), model(r, requestDay, suspension), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tipo", step.code());
            details.put("correo_id", id);
            reservations.audit(actor, "reenvio_manual", found.get(0), details);
            return id;
        });
        Map<String, Object> result = send(emailId, rules);
        return result == null ? Map.of("correo_id", emailId, "estado", "en_curso") : result;
    }

    /**
     * What the ladder will do up to {@code until} for the pending reservations, assuming each step
     * happens when it falls due (the same policy as the runner; nothing is sent).
     */
    public List<Map<String, Object>> agenda(LocalDate until, int limit) {
        LadderPolicy rules = policy.get();
        Instant now = clock.now();
        Instant end = until.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (long id : jdbc.queryForList(SQL.get("agenda_candidates"), Map.of("limit", limit), Long.class)) {
            List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("view"), Map.of("id", id));
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, Object> r = rows.get(0);
            Schedule s = scheduleFor(r);
            History h = history(id, r);
            Instant at = now;
            for (int i = 0; i < 4; i++) {
                Next next = rules.next(h, s, at);
                if (next.step() == Step.TERMINADA || next.notBefore().isAfter(end)) {
                    break;
                }
                Instant when = next.notBefore().isBefore(now) ? rules.windowOpenAtOrAfter(now, s) : next.notBefore();
                if (next.step() == Step.SUSPENSION) {
                    when = next.notBefore().isBefore(now) ? now : next.notBefore();
                }
                if (when.isAfter(end)) {
                    break;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("fecha", when.toString());
                item.put("fecha_local", LocalDateTime.ofInstant(when, s.zone()).toString());
                item.put("id_reserva", r.get("reservation_code"));
                item.put("agencia", r.get("agency"));
                item.put("paso", next.step().code());
                out.add(item);
                if (next.step() == Step.SUSPENSION) {
                    break;
                }
                h = switch (next.step()) {
                    case SOLICITUD_INICIAL -> new History(h.enteredAt(), when, null, null);
                    case RECORDATORIO -> new History(h.enteredAt(), h.requestSentAt(), when, null);
                    default -> new History(h.enteredAt(), h.requestSentAt(), h.reminderSentAt(), when);
                };
                at = when;
            }
        }
        out.sort(java.util.Comparator.comparing(m -> (String) m.get("fecha")));
        return out;
    }

    /** Adds a holiday (holiday=true) or works a rule holiday (false); every pending reservation is re-planned. */
    public void overrideDay(LocalDate day, boolean holiday, String name, String actor) {
        db.tx().executeWithoutResult(tx -> {
            jdbc.update(SQL.get("override_upsert"), new MapSqlParameterSource("day", day).addValue("holiday", holiday)
                    .addValue("name", name).addValue("actor", actor));
            jdbc.update(SQL.get("replan_all"), Map.of());
        });
    }

    /** Removes an admin's change to a date (back to the rules); every pending reservation is re-planned. */
    public boolean clearOverride(LocalDate day) {
        Boolean removed = db.tx().execute(tx -> {
            int n = jdbc.update(SQL.get("override_delete"), Map.of("day", day));
            jdbc.update(SQL.get("replan_all"), Map.of());
            return n > 0;
        });
        return Boolean.TRUE.equals(removed);
    }

    /** The holidays of a year as the ladder sees them (rules plus the admin's changes). */
    public List<Map<String, Object>> holidays(int year) {
        cl.seguimientooc.ladder.BusinessCalendar calendar = loadCalendar(jdbc);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            String name = calendar.holiday(d);
            if (name != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fecha", d.toString());
                m.put("nombre", name);
                m.put("dia", ChileanFormat.longDate(d));
                out.add(m);
            }
        }
        return out;
    }

    /** The business calendar with the admin's changes from the database. */
    public static cl.seguimientooc.ladder.BusinessCalendar loadCalendar(NamedParameterJdbcTemplate jdbc) {
        Map<LocalDate, cl.seguimientooc.ladder.BusinessCalendar.Override> overrides = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList(SQL.get("overrides"), Map.of())) {
            LocalDate day = ((Date) row.get("day")).toLocalDate();
            overrides.put(day, new cl.seguimientooc.ladder.BusinessCalendar.Override(day, (Boolean) row.get("holiday"),
                    (String) row.get("name")));
        }
        return new cl.seguimientooc.ladder.BusinessCalendar(overrides);
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration d = config.retryBase().multipliedBy(factor);
        return d.compareTo(config.retryMax()) > 0 ? config.retryMax() : d;
    }

    /** 5xx answers and invalid addresses will not get better by retrying. */
    static boolean permanent(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException || t instanceof AddressException) {
                return true;
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0
                    && (s.getValidSentAddresses() == null || s.getValidSentAddresses().length == 0)) {
                return true;
            }
            if (t instanceof SendFailedException s && s.getNextException() != null && permanent(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable ex) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = ex; t != null && b.length() < 500; t = t.getCause()) {
            if (b.length() > 0) {
                b.append(" ← ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()).strip());
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                b.append(" ← ").append(String.valueOf(m.getNextException().getMessage()).strip());
            }
        }
        return b.toString();
    }

    private static MimeMessage mime(Map<String, Object> e) throws Exception {
        String messageId = (String) e.get("message_id");
        MimeMessage m = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the one recorded in the ledger, for threading replies
            }
        };
        InternetAddress from = new InternetAddress((String) e.get("from_address"));
        if (from.getPersonal() != null) {
            from.setPersonal(from.getPersonal(), "UTF-8"); // encoded for the wire: "Administración"
        }
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, addresses(strings(e.get("to_addresses"))));
        List<String> cc = strings(e.get("cc_addresses"));
        if (!cc.isEmpty()) {
            m.setRecipients(Message.RecipientType.CC, addresses(cc));
        }
        if (e.get("reply_to") != null) {
            m.setReplyTo(addresses(List.of((String) e.get("reply_to"))));
        }
        m.setSubject((String) e.get("subject"), "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText((String) e.get("body_text"), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText((String) e.get("body_html"), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.setSentDate(new java.util.Date());
        m.saveChanges();
        return m;
    }

    /** SMTP_FROM_NAME &lt;SMTP_FROM_EMAIL&gt;, as recorded and sent. */
    private String fromHeader() {
        try {
            return config.fromName() == null || config.fromName().isBlank() ? config.fromEmail()
                    : new InternetAddress(config.fromEmail(), config.fromName(), "UTF-8").toUnicodeString();
        } catch (java.io.UnsupportedEncodingException e) {
            return config.fromEmail();
        }
    }

    private static InternetAddress[] addresses(List<String> list) throws AddressException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
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

    private ReservationView view(Map<String, Object> r) {
        return new ReservationView((String) r.get("reservation_code"), (String) r.get("loc_interno"),
                (String) r.get("localizador"), (String) r.get("agency"), (String) r.get("hotel_name"),
                date(r.get("check_in")), date(r.get("check_out")), (BigDecimal) r.get("total_amount"),
                (String) r.get("currency"), strings(r.get("guests")).stream().filter(g -> !g.isBlank()).toList(),
                (String) r.get("hotel_phone"));
    }

    private Map<String, Object> model(Map<String, Object> r, LocalDate requestDay, LocalDateTime suspension) {
        return LadderMailModel.of(view(r), config.replyTo(), config.fromName(), config.fromEmail(), requestDay, suspension);
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : null;
    }

    static List<String> strings(Object array) {
        return cl.seguimientooc.store.SqlArrays.strings(array);
    }

    private static String domain(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "seguimiento-oc.local" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
