package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.ClientLadder;
import cl.seguimientooc.mailout.LadderMailModel.ReservationView;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.SqlArrays;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/** A reservation as the ladder sees it (ladder.sql "view"): data for the e-mails, contacts, the client's ladder. */
public record LadderRow(long id, String code, String status, Instant enteredAt, ClientLadder clientLadder,
                        List<String> contactTo, List<String> contactCc, ReservationView view) {

    public static final RowMapper<LadderRow> MAPPER = (rs, n) -> {
        Timestamp started = rs.getTimestamp("ladder_started_at");
        ReservationView view = view(rs);
        return new LadderRow(rs.getLong("id"), rs.getString("reservation_code"), rs.getString("status"),
                (started != null ? started : rs.getTimestamp("created_at")).toInstant(),
                clientLadder(rs.getString("ladder"), rs.getString("ladder_days"), rs.getArray("ladder_drop")),
                SqlArrays.strings(rs.getArray("contact_to")), SqlArrays.strings(rs.getArray("contact_cc")), view);
    };

    /** What the e-mails show of a reservation, from a row with ladder.sql's "view" columns. */
    static ReservationView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReservationView(rs.getString("reservation_code"), rs.getString("loc_interno"),
                rs.getString("localizador"), rs.getString("agency"), rs.getString("hotel_name"), date(rs.getDate("check_in")),
                date(rs.getDate("check_out")), rs.getBigDecimal("total_amount"), rs.getString("currency"),
                SqlArrays.strings(rs.getArray("guests")).stream().filter(g -> !g.isBlank()).toList(), rs.getString("hotel_phone"));
    }

    /** The client's ladder from its three columns (a reservation without a client follows the default). */
    static ClientLadder clientLadder(String variant, String daysJson, java.sql.Array drop) {
        Map<String, Integer> days = new LinkedHashMap<>();
        if (daysJson != null && !daysJson.isBlank()) {
            Json.read(daysJson).fields().forEachRemaining(e -> days.put(e.getKey(), e.getValue().asInt()));
        }
        return new ClientLadder(variant, days, SqlArrays.strings(drop));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

}
