package cl.seguimientooc.web;

import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.mailout.LadderAgenda;
import cl.seguimientooc.mailout.LadderCalendar;
import cl.seguimientooc.mailout.LadderPlanner;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Resends, the agenda, the calendar and the test clock ({@code /api/test/clock}, only with OC_TEST_CLOCK=true). */
public final class LadderApi {

    private final LadderPlanner planner;
    private final LadderAgenda agenda;
    private final LadderCalendar calendar;
    private final ServiceClock clock;

    public LadderApi(LadderPlanner planner, LadderAgenda agenda, LadderCalendar calendar, ServiceClock clock) {
        this.planner = planner;
        this.agenda = agenda;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * {@code POST /api/reservas/{id}/reenviar-correo?tipo_correo=...}: claims a deliberate resend,
     * recorded as manual; the route then sends it like any other. Returns the outbox id.
     */
    public long resend(@Header("id") String code, @Header("tipo_correo") String level, Exchange exchange) {
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("falta tipo_correo: el nivel a reenviar (solicitud_inicial, recordatorio o ultimatum)");
        }
        return planner.claimResend(code, level.strip(), Caller.actor(exchange));
    }

    /** {@code GET /api/agenda?hasta=AAAA-MM-DD}: sends and suspensions that will happen up to that date (14 days by default). */
    public String agenda(@Header("hasta") LocalDate until) {
        return limitedAgenda(until, 5000);
    }

    /** The agenda of the first {@code reservations} pending reservations by next step (the dashboard shows fewer). */
    public String limitedAgenda(LocalDate until, int reservations) {
        LocalDate day = until != null ? until : clock.now().atZone(ChileHolidays.SANTIAGO).toLocalDate().plusDays(14);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ahora", clock.now().toString());
        out.put("hasta", day.toString());
        out.put("agenda", agenda.until(day, reservations));
        return Json.write(out);
    }

    /** {@code GET /api/calendario?anio=2026}: holidays as the ladder sees them. */
    public String holidays(@Header("anio") Integer year) {
        int y = year != null ? year : clock.now().atZone(ChileHolidays.SANTIAGO).getYear();
        if (y < 2000 || y > 2100) {
            throw new IllegalArgumentException("«anio» debe ser un año entre 2000 y 2100, por ejemplo 2026");
        }
        return Json.write(Map.of("anio", y, "feriados", calendar.holidays(y)));
    }

    /** {@code POST /api/calendario/feriados} {@code {"fecha": "2025-11-16", "nombre": "Elecciones", "feriado": true}}. */
    public String setHoliday(@Body String json, Exchange exchange) {
        JsonNode body = Api.object(json);
        LocalDate day;
        try {
            day = LocalDate.parse(body.path("fecha").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("«fecha» debe ser AAAA-MM-DD");
        }
        boolean holiday = body.path("feriado").asBoolean(true);
        calendar.overrideDay(day, holiday, body.path("nombre").asText(holiday ? "Feriado" : null), Caller.actor(exchange));
        return Json.write(Map.of("fecha", day.toString(), "feriado", holiday));
    }

    /** {@code DELETE /api/calendario/feriados/{fecha}}: back to the rules for that date. */
    public String clearHoliday(@Header("fecha") LocalDate day) {
        if (!calendar.clearOverride(day)) {
            throw new NoSuchElementException("no hay un cambio de calendario para " + day);
        }
        return Json.write(Map.of("fecha", day.toString(), "eliminado", true));
    }

    public String clockGet() {
        requireTestClock();
        return clockView();
    }

    /** The body is an instant or an offset, plain or as {"ahora": ...} / {"desplazamiento": ...}; or ?ahora=. */
    public String clockSet(@Body String body, @Header("ahora") String query) {
        requireTestClock();
        String value = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = Json.read(body);
                value = node.isObject() ? node.path("ahora").asText(node.path("desplazamiento").asText(null)) : node.asText();
            } catch (IllegalArgumentException e) {
                value = body.strip(); // plain text: an instant or an offset
            }
        }
        clock.set(value == null || value.isBlank() ? query : value);
        return clockView();
    }

    public String clockReset() {
        requireTestClock();
        clock.reset();
        return clockView();
    }

    private String clockView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ahora", clock.now().toString());
        m.put("simulado", clock.simulated());
        return Json.write(m);
    }

    private void requireTestClock() {
        if (!clock.testable()) {
            throw new SecurityException("el reloj de prueba está desactivado; se habilita solo con OC_TEST_CLOCK=true");
        }
    }
}
