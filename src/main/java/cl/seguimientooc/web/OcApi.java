package cl.seguimientooc.web;

import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.matching.OcIntake;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Manual OC resolution and ladder pauses (audited): the unmatched queue, assign, discard, mark received, pause, resume. */
public final class OcApi {

    private static final SqlStatements SQL = SqlStatements.load("oc.sql");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private final Db db;
    private final NamedParameterJdbcTemplate jdbc;
    private final OcIntake intake;
    private final ReservationStore reservations;

    public OcApi(Db db, OcIntake intake, ReservationStore reservations) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.intake = intake;
        this.reservations = reservations;
    }

    /** {@code GET /api/oc/sin-asignar?limit=&offset=}: one page of the queue (50 by default) and its size. */
    public String unassigned(@Header("limit") int limit, @Header("offset") int offset) {
        return jdbc.queryForObject(SQL.get("unassigned"), Api.page(new MapSqlParameterSource(), limit, offset), String.class);
    }

    /** {@code POST /api/oc/{id}/asignar} {@code {"reserva_id": "45215412"}}. */
    public String assign(@Header("id") long poId, @Body String json, Exchange exchange) {
        String actor = Caller.actor(exchange);
        String code = Api.object(json).path("reserva_id").asText("").strip();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("falta «reserva_id» (el ID de la reserva)");
        }
        Map<String, Object> out = db.tx().execute(tx -> {
            Po po = po(poId);
            if (!"sin_asignar".equals(po.status())) {
                throw new IllegalStateException("la OC " + poId + " ya está " + po.status());
            }
            long reservationId = reservation(code);
            jdbc.update(SQL.get("assign_manual"), Map.of("id", poId, "reservationId", reservationId));
            String effect = intake.receive(reservationId, poId, "manual", 1.0, po.ocNumber(), actor);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orden_compra_id", poId);
            m.put("id_reserva", code);
            m.put("resultado", effect);
            return m;
        });
        return Json.write(out);
    }

    /** {@code POST /api/oc/{id}/descartar} {@code {"motivo": "..."}}. */
    public String discard(@Header("id") long poId, @Body String json, Exchange exchange) {
        String actor = Caller.actor(exchange);
        String reason = Api.object(json).path("motivo").asText("descartada por un administrador");
        db.tx().executeWithoutResult(tx -> {
            Po po = po(poId);
            if (!"sin_asignar".equals(po.status())) {
                throw new IllegalStateException("la OC " + poId + " ya está " + po.status());
            }
            jdbc.update(SQL.get("discard"), Map.of("id", poId, "reason", reason));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("orden_compra_id", poId);
            details.put("motivo", reason);
            reservations.audit(actor, "oc_descartada", null, details);
        });
        return Json.write(Map.of("orden_compra_id", poId, "estado", "descartada"));
    }

    /**
     * {@code POST /api/reservas/{id}/marcar-oc-recibida} {@code {"numero_oc": "OC-12345"}} (or {@code ?numero_oc=}),
     * or the OC's file itself as the body (PDF or image; {@code ?numero_oc=&archivo=nombre.pdf}), which is stored with it.
     */
    public String markReceived(@Header("id") String code, @Header("numero_oc") String query, @Header("archivo") String fileName,
                               @Header(Exchange.CONTENT_TYPE) String contentType, @Body byte[] body, Exchange exchange) {
        String actor = Caller.actor(exchange);
        boolean json = contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        cl.seguimientooc.mail.MailContent.Attachment file = json || body == null || body.length == 0 ? null
                : new cl.seguimientooc.mail.MailContent.Attachment(fileName == null || fileName.isBlank() ? "oc.pdf" : fileName.strip(),
                        contentType.split(";")[0].strip(), body, false);
        String number = json ? Api.object(body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .path("numero_oc").asText(null) : null;
        if (number == null || number.isBlank()) {
            number = query;
        }
        String ocNumber = number == null || number.isBlank() ? null : number.strip();
        Map<String, Object> out = db.tx().execute(tx -> {
            long reservationId = reservation(code);
            long poId = jdbc.queryForObject(SQL.get("insert_manual"), new MapSqlParameterSource("reservationId", reservationId)
                    .addValue("ocNumber", ocNumber).addValue("reason", "marcada como recibida por un administrador"), Long.class);
            if (file != null) {
                intake.files().attach(poId, file);
            }
            String effect = intake.receive(reservationId, poId, "manual", 1.0, ocNumber, actor);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id_reserva", code);
            m.put("orden_compra_id", poId);
            m.put("numero_oc", ocNumber);
            m.put("archivo", file == null ? null : file.name());
            m.put("resultado", effect);
            return m;
        });
        return Json.write(out);
    }

    /** {@code POST /api/reservas/{id}/pausar} {@code {"motivo": "...", "hasta": "2026-07-15"}}. */
    public String pause(@Header("id") String code, @Body String json, Exchange exchange) {
        String actor = Caller.actor(exchange);
        JsonNode body = Api.object(json);
        String reason = body.path("motivo").asText("").strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("falta «motivo» de la pausa");
        }
        Timestamp until = null;
        if (body.hasNonNull("hasta")) {
            try {
                until = Timestamp.from(LocalDate.parse(body.get("hasta").asText()).atStartOfDay(SANTIAGO).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("«hasta» debe ser AAAA-MM-DD");
            }
        }
        Timestamp resumeAt = until;
        db.tx().executeWithoutResult(tx -> {
            long reservationId = reservation(code);
            if (jdbc.update(SQL.get("pause_manual"), new MapSqlParameterSource("id", reservationId).addValue("reason", reason)
                    .addValue("until", resumeAt)) == 0) {
                throw new IllegalStateException("solo se puede pausar una reserva pendiente");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("motivo", reason);
            details.put("hasta", resumeAt == null ? null : resumeAt.toInstant().toString());
            reservations.audit(actor, "escalera_pausada", reservationId, details);
        });
        return Json.write(Map.of("id_reserva", code, "pausada", true));
    }

    /** {@code POST /api/reservas/{id}/cancelar {"motivo": "..."}}: the stay was cancelled; nothing more is chased. */
    public String cancel(@Header("id") String code, @Body String json, Exchange exchange) {
        String actor = Caller.actor(exchange);
        String reason = Api.object(json).path("motivo").asText("").strip();
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("falta «motivo» de la cancelación");
        }
        db.tx().executeWithoutResult(tx -> {
            long reservationId = reservation(code);
            List<String> before = jdbc.queryForList(SQL.get("cancel"), Map.of("id", reservationId, "reason", "cancelada: " + reason),
                    String.class);
            if (before.isEmpty()) {
                throw new IllegalStateException("la reserva ya está cancelada");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("motivo", reason);
            details.put("estado_anterior", before.get(0));
            reservations.audit(actor, "reserva_cancelada", reservationId, details);
        });
        return Json.write(Map.of("id_reserva", code, "estado", "cancelada", "mensaje", "Reserva cancelada."));
    }

    /** {@code POST /api/reservas/{id}/reanudar}: the ladder plans the next step again. */
    public String resume(@Header("id") String code, Exchange exchange) {
        String actor = Caller.actor(exchange);
        db.tx().executeWithoutResult(tx -> {
            long reservationId = reservation(code);
            if (jdbc.update(SQL.get("resume"), Map.of("id", reservationId)) == 0) {
                throw new IllegalStateException("solo se puede reanudar una reserva pendiente");
            }
            reservations.audit(actor, "escalera_reanudada", reservationId, Map.of());
        });
        return Json.write(Map.of("id_reserva", code, "pausada", false));
    }

    /** An OC of the unmatched queue, locked while an admin acts on it. */
    private record Po(String status, String ocNumber) {
    }

    private Po po(long id) {
        List<Po> rows = jdbc.query(SQL.get("lock_po"), Map.of("id", id), (rs, n) -> new Po(rs.getString("status"),
                rs.getString("oc_number")));
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no existe la OC " + id);
        }
        return rows.get(0);
    }

    private long reservation(String code) {
        List<Long> ids = jdbc.query(SQL.get("reservation_by_code"), Map.of("code", code == null ? "" : code),
                (rs, n) -> rs.getLong("id"));
        if (ids.isEmpty()) {
            throw new NoSuchElementException("no existe la reserva «" + code + "»");
        }
        return ids.get(0);
    }
}
