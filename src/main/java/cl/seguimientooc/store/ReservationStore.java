package cl.seguimientooc.store;

import cl.seguimientooc.domain.ClientNames;
import cl.seguimientooc.domain.OcRequirement;
import cl.seguimientooc.domain.OcRequirement.ClientFacts;
import cl.seguimientooc.domain.OcRequirement.Decision;
import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.extraction.Reservation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reservations in the database. Callers run these methods inside their own transaction so the
 * processed-mail record and its reservations commit together. Status changes go through
 * {@link ReservationStatus#checkTransition}.
 */
public final class ReservationStore {

    /** What a confirmation did to its reservation. */
    public enum Effect { CREADA, ACTUALIZADA, SIN_CAMBIOS;
        /** The Spanish name used in the database and the API. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The result for one PDF: which reservation, what happened, its status. */
    public record Stored(long id, String code, Effect effect, String status, Map<String, Object> changes) {
    }

    private static final SqlStatements SQL = SqlStatements.load("reservations.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final OcRequirement ocRequirement;
    private final java.util.function.Supplier<java.time.Instant> clock;

    /** {@code clock} is the service's "now" (the ladder starts at it; a test clock may move it). */
    public ReservationStore(Db db, OcRequirement ocRequirement, java.util.function.Supplier<java.time.Instant> clock) {
        this.jdbc = db.jdbc();
        this.ocRequirement = ocRequirement;
        this.clock = clock;
    }

    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.get());
    }

    /** Inserts a new reservation, or compares and updates an existing one. Never restarts a ladder. */
    public Stored store(Reservation r, String layout, long mailId, long documentId, String pdfSha256) {
        JsonNode extracted = Json.tree(r);
        String json = Json.write(extracted);
        String contentSha = cl.seguimientooc.mail.MailContent.sha256(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        MapSqlParameterSource p = contentParams(r, layout, documentId, pdfSha256, json, contentSha);

        ClientFacts client = findClient(r.agency());
        Decision decision = ocRequirement.decide(r.agency(), client);
        p.addValue("clientId", client == null ? null : client.id())
                .addValue("status", decision.status().code())
                .addValue("statusReason", decision.reason())
                .addValue("requiresOc", decision.requiresOc())
                .addValue("mailId", mailId)
                .addValue("now", now());
        List<Long> inserted = jdbc.queryForList(SQL.get("insert"), p, Long.class);
        if (!inserted.isEmpty()) {
            long id = inserted.get(0);
            insertRooms(id, r);
            source(id, mailId, documentId, Effect.CREADA);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("estado", decision.status().code());
            details.put("motivo", decision.reason());
            details.put("mensaje_id", mailId);
            audit("sistema", "reserva_creada", id, details);
            return new Stored(id, r.reservationId(), Effect.CREADA, decision.status().code(), Map.of());
        }

        Current current = jdbc.queryForObject(SQL.get("lock_by_code"), Map.of("code", r.reservationId()), (rs, n) -> new Current(
                rs.getLong("id"), rs.getString("status"), rs.getString("agency_normalized"), rs.getString("extracted"),
                rs.getString("content_sha256")));
        long id = current.id();
        String status = current.status();
        if (contentSha.equals(current.contentSha256())) {
            source(id, mailId, documentId, Effect.SIN_CAMBIOS);
            return new Stored(id, r.reservationId(), Effect.SIN_CAMBIOS, status, Map.of());
        }
        Map<String, Object> changes = diff(Json.read(current.extracted()), extracted);
        p.addValue("id", id);
        jdbc.update(SQL.get("update_content"), p);
        jdbc.update(SQL.get("delete_rooms"), Map.of("id", id));
        insertRooms(id, r);
        source(id, mailId, documentId, Effect.ACTUALIZADA);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cambios", changes);
        details.put("mensaje_id", mailId);
        audit("sistema", "reserva_actualizada", id, details);
        if (!ClientNames.normalize(r.agency()).equals(current.agencyNormalized())) {
            status = reevaluate(id, ReservationStatus.fromCode(status), r.agency(), "sistema");
        }
        return new Stored(id, r.reservationId(), Effect.ACTUALIZADA, status, changes);
    }

    /** A stored reservation a re-sent confirmation is compared with. */
    private record Current(long id, String status, String agencyNormalized, String extracted, String contentSha256) {
    }

    /** An open reservation a client change may affect; {@code linked}: it already had a client. */
    private record Open(long id, String status, String agency, boolean linked) {
    }

    /** Recomputes the status of open reservations after a client changed (requires OC, contacts, names). */
    public int reevaluateClient(long clientId, String actor) {
        int changed = 0;
        List<Open> open = jdbc.query(SQL.get("reevaluable_for_client"), Map.of("clientId", clientId), (rs, n) -> new Open(
                rs.getLong("id"), rs.getString("status"), rs.getString("agency"), rs.getObject("client_id") != null));
        for (Open row : open) {
            String after = reevaluate(row.id(), ReservationStatus.fromCode(row.status()), row.agency(), actor);
            if (!row.status().equals(after) || !row.linked()) {
                changed++;
            }
        }
        return changed;
    }

    private String reevaluate(long id, ReservationStatus current, String agency, String actor) {
        if (!ReservationStatus.REEVALUABLE.contains(current)) {
            return current.code();
        }
        ClientFacts client = findClient(agency);
        Decision decision = ocRequirement.decide(agency, client);
        current.checkTransition(decision.status());
        jdbc.update(SQL.get("set_status"), new MapSqlParameterSource("id", id)
                .addValue("status", decision.status().code()).addValue("reason", decision.reason())
                .addValue("requiresOc", decision.requiresOc()).addValue("clientId", client == null ? null : client.id())
                .addValue("now", now()));
        if (decision.status() != current) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("antes", current.code());
            details.put("despues", decision.status().code());
            details.put("motivo", decision.reason());
            audit(actor, "estado_cambiado", id, details);
        }
        return decision.status().code();
    }

    public ClientFacts findClient(String agency) {
        List<ClientFacts> found = jdbc.query(SQL.get("find_client"), Map.of("normalized", ClientNames.normalize(agency)),
                (rs, n) -> new ClientFacts(rs.getLong("id"), rs.getString("name"), rs.getBoolean("requires_oc"),
                        rs.getBoolean("active"), SqlArrays.strings(rs.getArray("contact_to"))));
        return found.isEmpty() ? null : found.get(0);
    }

    public void audit(String actor, String action, Long reservationId, Map<String, Object> details) {
        jdbc.update(SQL.get("audit"), new MapSqlParameterSource("actor", actor).addValue("action", action)
                .addValue("reservationId", reservationId).addValue("entityType", reservationId == null ? null : "reserva")
                .addValue("entityId", reservationId).addValue("details", Json.write(details)));
    }

    private void insertRooms(long reservationId, Reservation r) {
        if (r.rooms() == null) {
            return;
        }
        List<MapSqlParameterSource> guests = new java.util.ArrayList<>();
        for (Reservation.Room room : r.rooms()) {
            long roomId = jdbc.queryForObject(SQL.get("insert_room"), new MapSqlParameterSource("reservationId", reservationId)
                    .addValue("number", room.number()).addValue("category", room.category())
                    .addValue("adults", room.adults()).addValue("children", room.children())
                    .addValue("mealPlan", room.mealPlan()), Long.class);
            int position = 1;
            for (Reservation.Guest g : room.guests() == null ? List.<Reservation.Guest>of() : room.guests()) {
                guests.add(new MapSqlParameterSource("roomId", roomId).addValue("position", position++)
                        .addValue("type", g.type()).addValue("firstNames", g.firstNames()).addValue("lastNames", g.lastNames()));
            }
        }
        if (!guests.isEmpty()) {
            jdbc.batchUpdate(SQL.get("insert_guest"), guests.toArray(MapSqlParameterSource[]::new));
        }
    }

    private void source(long reservationId, long mailId, long documentId, Effect effect) {
        jdbc.update(SQL.get("insert_source"), new MapSqlParameterSource("reservationId", reservationId)
                .addValue("mailId", mailId).addValue("documentId", documentId)
                .addValue("effect", effect.code()));
    }

    private static MapSqlParameterSource contentParams(Reservation r, String layout, long documentId, String pdfSha256,
                                                       String json, String contentSha) {
        return new MapSqlParameterSource()
                .addValue("code", r.reservationId()).addValue("loc", r.internalLocator())
                .addValue("localizador", r.supplierLocator()).addValue("bookingStatus", r.bookingStatus())
                .addValue("agency", r.agency()).addValue("agencyNormalized", ClientNames.normalize(r.agency()))
                .addValue("issueDate", r.issueDate()).addValue("hotelName", r.hotelName())
                .addValue("hotelAddress", r.hotelAddress()).addValue("hotelCity", r.hotelCity())
                .addValue("hotelPhone", r.hotelPhone()).addValue("checkIn", r.checkIn())
                .addValue("checkOut", r.checkOut()).addValue("arrivalTime", r.arrivalTime())
                .addValue("departureTime", r.departureTime()).addValue("nights", r.nights())
                .addValue("roomCount", r.roomCount()).addValue("totalAmount", r.totalAmount())
                .addValue("currency", r.currency()).addValue("cancellationDeadline", r.cancellationDeadline())
                .addValue("hotelRemarks", r.hotelRemarks()).addValue("advisorNotes", r.advisorNotes())
                .addValue("layout", layout).addValue("documentId", documentId).addValue("pdfSha256", pdfSha256)
                .addValue("extracted", json).addValue("contentSha256", contentSha);
    }

    /** Top-level fields whose value changed, with before and after (rooms compared as a whole). */
    static Map<String, Object> diff(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(names::add);
        before.fieldNames().forEachRemaining(names::add);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = after.get(name);
            if (!same(a, b)) {
                ObjectNode change = Json.MAPPER.createObjectNode();
                change.set("antes", a == null ? Json.MAPPER.nullNode() : a);
                change.set("despues", b == null ? Json.MAPPER.nullNode() : b);
                changes.put(name, change);
            }
        }
        return changes;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

}
