package cl.seguimientooc.mailout;

import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.SqlStatements;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The outbox: claims an e-mail in {@code sent_email} before anything is sent. The unique index on
 * (reservation, step) makes a second claim of an automatic step insert nothing, so a level or a
 * notice goes out once whatever runs at the same time. The content is rendered when it is sent
 * (routes/ladder.camel.yaml) and recorded before it reaches SMTP.
 */
public final class LadderClaims {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");

    /**
     * One e-mail to claim. {@code step}: the ladder level or notice (once per reservation unless
     * manual); {@code level}: the level's position, for reading; {@code whilePending}: dropped if
     * the reservation leaves the ladder before it goes out.
     */
    public record Claim(long reservationId, String step, String template, Integer level, boolean manual,
                        boolean whilePending, List<String> to, List<String> cc, String replyTo, LocalDate requestDay,
                        Instant suspensionAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;
    private final Sender sender;

    /** Who the e-mails are from, and where replies go. */
    public record Sender(String fromEmail, String fromName, String replyTo, List<String> adminRecipients) {
        /** SMTP_FROM_NAME &lt;SMTP_FROM_EMAIL&gt;, as recorded and sent. */
        public String fromHeader() {
            try {
                return fromName == null || fromName.isBlank() ? fromEmail
                        : new InternetAddress(fromEmail, fromName, "UTF-8").toUnicodeString();
            } catch (java.io.UnsupportedEncodingException e) {
                return fromEmail;
            }
        }

        String domain() {
            int at = fromEmail == null ? -1 : fromEmail.indexOf('@');
            return at < 0 ? "seguimiento-oc.local" : fromEmail.substring(at + 1).toLowerCase(Locale.ROOT);
        }
    }

    public LadderClaims(NamedParameterJdbcTemplate jdbc, Instance instance, Sender sender) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.sender = sender;
    }

    public Sender sender() {
        return sender;
    }

    /** The id of the claimed e-mail; null when that step was already claimed. Runs in the caller's transaction. */
    public Long claim(Claim c) {
        String messageId = "<oc-" + c.reservationId() + "-" + c.step().replaceAll("[^A-Za-z0-9_]", "") + "-" + UUID.randomUUID()
                + "@" + sender.domain() + ">";
        List<Long> ids = jdbc.queryForList(SQL.get("claim"), new MapSqlParameterSource("reservationId", c.reservationId())
                .addValue("kind", c.step()).addValue("step", c.step()).addValue("level", c.level())
                .addValue("manual", c.manual()).addValue("whilePending", c.whilePending()).addValue("messageId", messageId)
                .addValue("from", sender.fromHeader()).addValue("to", ClientStore.arrayLiteral(c.to()))
                .addValue("cc", ClientStore.arrayLiteral(c.cc())).addValue("replyTo", c.replyTo())
                .addValue("template", c.template())
                .addValue("requestDay", c.requestDay() == null ? null : java.sql.Date.valueOf(c.requestDay()))
                .addValue("suspensionAt", c.suspensionAt() == null ? null : Timestamp.from(c.suspensionAt()))
                .addValue("claimedAt", Timestamp.from(Instant.now())).addValue("instance", instance.id()), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Queues an admin notice about a reservation (sent by the next run), once per reservation and kind. */
    public void adminNotice(long reservationId, String kind) {
        if (!sender.adminRecipients().isEmpty()) {
            claim(new Claim(reservationId, kind, kind, null, false, false, sender.adminRecipients(), List.of(),
                    sender.fromEmail(), null, null));
        }
    }

    /** Queues the acknowledgement to whoever sent the OC, once per reservation. */
    public void acknowledgement(long reservationId, String to) {
        if (to != null && !to.isBlank()) {
            claim(new Claim(reservationId, "acuse_oc", "acuse_oc", null, false, false, List.of(to), List.of(),
                    sender.replyTo(), null, null));
        }
    }
}
