package cl.seguimientooc.mailout;

import cl.seguimientooc.mail.MailContent;
import cl.seguimientooc.mailout.LadderMailModel.ReservationView;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.SqlStatements;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Claims a level: renders the e-mail from the reservation and records it in {@code sent_email}
 * exactly as it will be sent (recipients, subject, bodies, our Message-ID). The unique index on
 * (reservation, level) makes a second claim of an automatic level insert nothing.
 */
final class LadderClaims {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;
    private final MailTemplates templates;
    private final LadderRunner.Config config;

    LadderClaims(NamedParameterJdbcTemplate jdbc, Instance instance, MailTemplates templates, LadderRunner.Config config) {
        this.jdbc = jdbc;
        this.instance = instance;
        this.templates = templates;
        this.config = config;
    }

    /** The id of the claimed e-mail; null when the level was already claimed. */
    Long claim(Map<String, Object> r, String kind, Integer level, boolean manual, List<String> to, List<String> cc,
               String replyTo, LocalDate requestDay, LocalDateTime suspension) {
        MailTemplates.Rendered mail = templates.render(kind, LadderMailModel.of(view(r), config.replyTo(), config.fromName(),
                config.fromEmail(), requestDay, suspension));
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
                .addValue("claimedAt", Timestamp.from(Instant.now())).addValue("instance", instance.id()), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
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

    private static ReservationView view(Map<String, Object> r) {
        return new ReservationView((String) r.get("reservation_code"), (String) r.get("loc_interno"),
                (String) r.get("localizador"), (String) r.get("agency"), (String) r.get("hotel_name"),
                date(r.get("check_in")), date(r.get("check_out")), (BigDecimal) r.get("total_amount"),
                (String) r.get("currency"), LadderRunner.strings(r.get("guests")).stream().filter(g -> !g.isBlank()).toList(),
                (String) r.get("hotel_phone"));
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : null;
    }

    private static String domain(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "seguimiento-oc.local" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
