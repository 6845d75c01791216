package cl.seguimientooc.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pending reservations written straight into the database, for ladder tests that need many at once. */
public final class TestReservations {

    private TestReservations() {
    }

    /**
     * {@code n} reservations of this client, {@code pendiente} since {@code startedAt}, codes
     * {@code <client letters><i>}; returns their ids.
     */
    public static List<Long> pending(String dbUrl, long clientId, String client, int n, Instant startedAt) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(dbUrl); PreparedStatement ps = db.prepareStatement(
                "INSERT INTO reservation (reservation_code, loc_interno, agency, agency_normalized, client_id, total_amount,"
                        + " currency, layout, status, requires_oc, ladder_started_at, hotel_name, check_in, check_out)"
                        + " VALUES (?, ?, ?, ?, ?, 150000, 'CLP', 'hotelsales-resumen-de-servicios', 'pendiente', true, ?,"
                        + " 'Hotel Prueba', DATE '2026-07-20', DATE '2026-07-22') RETURNING id")) {
            for (int i = 0; i < n; i++) {
                String code = client.replaceAll("\\W", "").toUpperCase() + i;
                ps.setString(1, code);
                ps.setString(2, "L" + code);
                ps.setString(3, client);
                ps.setString(4, client.toUpperCase());
                ps.setLong(5, clientId);
                ps.setTimestamp(6, Timestamp.from(startedAt));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
