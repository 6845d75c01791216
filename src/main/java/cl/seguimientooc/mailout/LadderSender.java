package cl.seguimientooc.mailout;

import cl.seguimientooc.store.Instance;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Hands claimed e-mails to SMTP and records the answer, keeping the two apart: once the server has
 * accepted a message, nothing that happens after (a database error) can make it go out again. A
 * message handed to SMTP whose answer was never recorded (its process died, or could not write) is
 * 'incierto': shown to an admin, never resent by itself, and its reservation's ladder waits.
 */
final class LadderSender {

    private static final Logger LOG = LoggerFactory.getLogger(LadderSender.class);
    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");
    private static final Session SESSION = Session.getInstance(new Properties());

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;
    private final ReservationStore reservations;
    private final LadderRunner.Config config;
    private final LadderRunner.Transport transport;
    private final ServiceClock clock;
    /** E-mails this process is sending now: not uncertain, whatever the database says. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Answers the server gave but the database did not take yet: recorded on the next run. */
    private final Map<Long, Runnable> unrecorded = new ConcurrentHashMap<>();

    LadderSender(NamedParameterJdbcTemplate jdbc, Instance instance, ReservationStore reservations, LadderRunner.Config config,
                 LadderRunner.Transport transport, ServiceClock clock) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.reservations = reservations;
        this.config = config;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * Before a run: records the answers kept in memory, then flags every send whose process is gone
     * (or that this process could not record) as uncertain, pausing its reservation's ladder.
     */
    void settle() {
        for (Map.Entry<Long, Runnable> e : unrecorded.entrySet()) {
            try {
                e.getValue().run();
                unrecorded.remove(e.getKey());
            } catch (RuntimeException ex) {
                return; // the database is still away; the next run tries again
            }
        }
        List<Long> busy = List.copyOf(inFlight);
        for (Map<String, Object> row : jdbc.queryForList(SQL.get("uncertain"), instance.params()
                .addValue("inFlight", "{" + String.join(",", busy.stream().map(String::valueOf).toList()) + "}")
                .addValue("unrecorded", "{" + String.join(",", unrecorded.keySet().stream().map(String::valueOf).toList()) + "}"))) {
            long reservationId = ((Number) row.get("reservation_id")).longValue();
            String kind = (String) row.get("kind");
            String why = "el envío de " + kind + " se interrumpió antes de registrar la respuesta del servidor: puede que"
                    + " haya llegado. Verifique con el cliente, reenvíelo a mano si no llegó y reanude la escalera";
            jdbc.update(SQL.get("hold_for_uncertain"), Map.of("id", reservationId, "reason", why));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("correo_id", row.get("id"));
            details.put("tipo", kind);
            details.put("enviado_por", row.get("sending_by"));
            reservations.audit("sistema", "envio_incierto", reservationId, details);
            LOG.warn("Correo {} ({}) quedó incierto (lo enviaba {}); la escalera de la reserva {} queda en pausa",
                    row.get("id"), kind, row.get("sending_by"), reservationId);
        }
    }

    /** Sends one claimed e-mail; {@code afterSent} plans the next step of a client e-mail. Null when another run has it. */
    Map<String, Object> send(long emailId, LongConsumer afterSent) {
        inFlight.add(emailId); // before the row says 'enviando': never seen as uncertain while we send it
        try {
            return sendOwned(emailId, afterSent);
        } finally {
            inFlight.remove(emailId);
        }
    }

    private Map<String, Object> sendOwned(long emailId, LongConsumer afterSent) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("start_sending"), Map.of("id", emailId, "instance", instance.id()));
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
        } catch (Exception ex) {
            failed(emailId, reservationId, kind, ex, now, result);
            return result;
        }
        // Accepted by the server: from here on a database error must never lead to a second send.
        result.put("estado", "enviado");
        result.put("para", LadderRunner.strings(e.get("to_addresses")));
        result.put("asunto", e.get("subject"));
        Runnable record = () -> jdbc.update(SQL.get("mark_sent"), new MapSqlParameterSource("id", emailId)
                .addValue("sentAt", Timestamp.from(now)).addValue("reply", "250"));
        try {
            record.run();
        } catch (RuntimeException dbError) {
            unrecorded.put(emailId, record);
            LOG.error("Correo {} ({}) enviado, pero no se pudo registrar ({}); se registrará en la próxima revisión",
                    emailId, kind, dbError.getMessage());
            return result;
        }
        if (clientMail) {
            try {
                afterSent.accept(reservationId);
            } catch (RuntimeException dbError) {
                // the next run plans it (next_step_at is already set to a recheck)
                LOG.warn("Correo {} enviado; el siguiente paso de la reserva {} se planifica en la próxima revisión: {}",
                        emailId, reservationId, dbError.getMessage());
            }
        }
        return result;
    }

    private void failed(long emailId, long reservationId, String kind, Exception ex, Instant now, Map<String, Object> result) {
        String reply = describe(ex);
        result.put("error", reply);
        Runnable record;
        int attempts = jdbc.queryForObject(SQL.get("attempts"), Map.of("id", emailId), Integer.class);
        if (permanent(ex) || attempts >= config.maxAttempts()) {
            record = () -> {
                jdbc.update(SQL.get("mark_failed"), Map.of("id", emailId, "error", reply, "reply", reply));
                jdbc.update(SQL.get("attention"), Map.of("id", reservationId, "attention", "envío de " + kind + " rechazado: " + reply));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("correo_id", emailId);
                details.put("tipo", kind);
                details.put("error", reply);
                reservations.audit("sistema", "envio_fallido", reservationId, details);
            };
            result.put("estado", "fallido");
            LOG.error("Correo {} ({}) rechazado definitivamente: {}", emailId, kind, reply);
        } else {
            Instant nextAt = now.plus(backoff(attempts));
            record = () -> jdbc.update(SQL.get("mark_retry"), new MapSqlParameterSource("id", emailId).addValue("error", reply)
                    .addValue("reply", reply).addValue("nextAt", Timestamp.from(nextAt)));
            result.put("estado", "error");
            result.put("reintento", nextAt.toString());
            LOG.warn("Correo {} ({}) no enviado (intento {}), se reintenta {}: {}", emailId, kind, attempts, nextAt, reply);
        }
        try {
            record.run();
        } catch (RuntimeException dbError) {
            unrecorded.put(emailId, record); // not sent, and known not sent: never uncertain
        }
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
        m.setRecipients(Message.RecipientType.TO, addresses(LadderRunner.strings(e.get("to_addresses"))));
        List<String> cc = LadderRunner.strings(e.get("cc_addresses"));
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

    private static InternetAddress[] addresses(List<String> list) throws AddressException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }
}
