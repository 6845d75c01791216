package cl.seguimientooc.mailout;

import cl.seguimientooc.mailout.LadderMailModel.ReservationView;
import cl.seguimientooc.store.SqlArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** A claimed e-mail this process is sending (ladder.sql "start_sending"), with what its text shows of the reservation. */
public record Outgoing(long id, long reservationId, String step, String template, boolean manual, boolean whilePending,
                       String messageId, String from, List<String> to, List<String> cc, String replyTo,
                       LocalDate requestDay, Instant suspensionAt, int attempts, ReservationView reservation) {

    /** The e-mail and its reservation's status when it was taken. */
    record Taken(Outgoing mail, String reservationStatus) {
    }

    static final RowMapper<Taken> MAPPER = (rs, n) -> {
        java.sql.Date requestDay = rs.getDate("request_day");
        Timestamp suspension = rs.getTimestamp("suspension_at");
        return new Taken(new Outgoing(rs.getLong("id"), rs.getLong("reservation_id"), rs.getString("step"),
                rs.getString("template"), rs.getBoolean("manual"), rs.getBoolean("while_pending"), rs.getString("message_id"),
                rs.getString("from_address"), SqlArrays.strings(rs.getArray("to_addresses")),
                SqlArrays.strings(rs.getArray("cc_addresses")), rs.getString("reply_to"),
                requestDay == null ? null : requestDay.toLocalDate(), suspension == null ? null : suspension.toInstant(),
                rs.getInt("attempts"), LadderRow.view(rs)), rs.getString("reservation_status"));
    };

    Outgoing withTemplate(String resolved) {
        return new Outgoing(id, reservationId, step, resolved, manual, whilePending, messageId, from, to, cc, replyTo,
                requestDay, suspensionAt, attempts, reservation);
    }
}
