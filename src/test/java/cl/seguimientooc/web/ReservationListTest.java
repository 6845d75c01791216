package cl.seguimientooc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/reservas} answers the same as a plain reference query for every shape of filters
 * (none, status alone, any filters, the free search), each a statement of its own and the first three
 * run on PostgreSQL's cached plan (api.sql). Every call is made several times, so the cached plan is
 * the one answering.
 */
class ReservationListTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORDER = " ORDER BY r.created_at DESC, r.id DESC";
    static Database database;
    static Api api;
    static JdbcTemplate sql;

    @BeforeAll
    static void open() throws Exception {
        database = TestDatabase.withBenchData("oc_list", 3000);
        sql = new JdbcTemplate(database.dataSource());
        guest("B100", "José", "Núñez");
        guest("B200", "Ana", "O'Brien");
        guest("B300", "Ruth", "100%_Real");
        guest("B400", "Pía", "NUÑEZ SOTO");
        guest("B500", "Luis", "Nuñez");
        guest("B600", "Zoë", "Ørsted 𝔸");
        api = new Api(new Db(database.dataSource()), null, null, null);
    }

    static void guest(String code, String first, String last) {
        sql.update("UPDATE reservation_guest g SET first_names = ?, last_names = ? FROM reservation_room h, reservation r"
                + " WHERE h.id = g.room_id AND r.id = h.reservation_id AND r.reservation_code = ?", first, last, code);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void byStatusAloneAndWithoutFiltersMatchTheReference() throws Exception {
        List<String> statuses = new ArrayList<>();
        statuses.add(null);
        for (ReservationStatus s : ReservationStatus.values()) {
            statuses.add(s.code());
        }
        for (String status : statuses) {
            String where = status == null ? "" : " WHERE r.status = '" + status + "'";
            for (int offset : new int[] {0, 50, 2990}) {
                List<String> expected = sql.queryForList("SELECT r.reservation_code FROM reservation r" + where + ORDER
                        + " LIMIT 50 OFFSET " + offset, String.class);
                long total = sql.queryForObject("SELECT count(*) FROM reservation r" + where, Long.class);
                for (int call = 0; call < 7; call++) {
                    JsonNode page = list(status == null ? null : ReservationStatus.fromCode(status), null, null, offset);
                    assertEquals(expected, codes(page), status + " offset " + offset);
                    assertEquals(total, page.get("total").asLong(), status + " total");
                }
            }
        }
        JsonNode first = list(null, null, null, 0).get("reservas").get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id_reserva", "loc_interno", "localizador", "agencia", "cliente_id", "estado", "motivo_estado",
                "requiere_oc", "nombre_hotel", "fecha_checkin", "fecha_checkout", "monto_total", "moneda", "creada",
                "actualizada"), keys, "the API's field names and order");
        assertEquals("B3000", first.get("id_reserva").asText());
        assertEquals(103000, first.get("monto_total").asInt());
    }

    @Test
    void anyFiltersMatchTheReference() throws Exception {
        for (int call = 0; call < 7; call++) {
            JsonNode page = JSON.readTree(api.reservations(ReservationStatus.PENDIENTE, "cliente 1", null, null, null, 50, 0));
            String where = " WHERE r.status = 'pendiente' AND r.agency_normalized LIKE 'CLIENTE 1%'";
            assertEquals(sql.queryForList("SELECT r.reservation_code FROM reservation r" + where + ORDER + " LIMIT 50",
                    String.class), codes(page));
            assertEquals(sql.queryForObject("SELECT count(*) FROM reservation r" + where, Long.class), page.get("total").asLong());
        }
    }

    @Test
    void theFreeSearchFindsExactlyWhatItShould() throws Exception {
        assertSearch("B123", List.of("B123"));
        assertSearch("l123", List.of("B123")); // the LOC of B123
        assertSearch("900123", List.of("B123"));
        assertSearch("núñez", List.of("B100"));
        assertSearch("NÚÑEZ", List.of("B100"));
        assertSearch("josé núñ", List.of("B100"));
        assertSearch("nuñez", List.of("B500", "B400"));
        assertSearch("nuñez soto", List.of("B400"));
        assertSearch("o'brien", List.of("B200"));
        assertSearch("100%", List.of("B300")); // % and _ are letters, not wildcards
        assertSearch("100%_r", List.of("B300"));
        assertSearch("100_", List.of());
        assertSearch("apellido1%", List.of());
        assertSearch("ørsted 𝔸", List.of("B600"));
        assertSearch("zoë", List.of("B600"));
        assertSearch("nadie", List.of());
        // a wide prefix: many pages, counted
        for (String status : new String[] {null, "pendiente"}) {
            String where = " WHERE EXISTS (SELECT 1 FROM reservation_room h JOIN reservation_guest g ON g.room_id = h.id"
                    + " WHERE h.reservation_id = r.id AND starts_with(lower(g.last_names), 'apellido1'))"
                    + (status == null ? "" : " AND r.status = '" + status + "'");
            for (int call = 0; call < 7; call++) {
                JsonNode page = list(status == null ? null : ReservationStatus.fromCode(status), "Apellido1", null, 50);
                assertEquals(sql.queryForList("SELECT r.reservation_code FROM reservation r" + where + ORDER
                        + " LIMIT 50 OFFSET 50", String.class), codes(page), "page 2 of «Apellido1», " + status);
                assertEquals(sql.queryForObject("SELECT count(*) FROM reservation r" + where, Long.class),
                        page.get("total").asLong());
            }
        }
    }

    static void assertSearch(String q, List<String> expected) throws Exception {
        for (int call = 0; call < 7; call++) {
            JsonNode page = list(null, q, null, 0);
            assertEquals(expected, codes(page), "«" + q + "»");
            assertEquals(expected.size(), page.get("total").asInt(), "«" + q + "» total");
        }
    }

    static JsonNode list(ReservationStatus status, String q, String agency, int offset) throws Exception {
        return JSON.readTree(api.reservations(status, agency, null, null, q, 50, offset));
    }

    static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = page.get("reservas").elements(); it.hasNext(); ) {
            out.add(it.next().get("id_reserva").asText());
        }
        assertTrue(out.size() <= 50);
        return out;
    }
}
