package cl.seguimientooc.web;

import static cl.seguimientooc.web.Responses.json;

import cl.seguimientooc.mailout.LadderPlanner;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** Resends, the agenda, the calendar and the test clock ({@code /api/test/clock}, only with OC_TEST_CLOCK=true). */
public final class LadderApi {

    private final LadderPlanner planner;
    private final cl.seguimientooc.mailout.LadderAgenda agenda;
    private final cl.seguimientooc.mailout.LadderCalendar calendar;
    private final ServiceClock clock;

    public LadderApi(LadderPlanner planner, cl.seguimientooc.mailout.LadderAgenda agenda,
                     cl.seguimientooc.mailout.LadderCalendar calendar, ServiceClock clock) {
        this.planner = planner;
        this.agenda = agenda;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * {@code POST /api/reservas/{id}/reenviar-correo?tipo_correo=...}: claims a deliberate resend,
     * recorded as manual; the route then sends it like any other. Returns the outbox id.
     */
    public long resend(Exchange exchange) {
        String code = exchange.getMessage().getHeader("id", String.class);
        String kind = exchange.getMessage().getHeader("tipo_correo", String.class);
        if (kind == null || kind.isBlank()) {
            throw new ApiError(400, "falta tipo_correo: el nivel a reenviar (solicitud_inicial, recordatorio o ultimatum)");
        }
        try {
            return planner.claimResend(code, kind.strip(), "api");
        } catch (java.util.NoSuchElementException e) {
            throw new ApiError(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
    }

    /** {@code GET /api/agenda?hasta=AAAA-MM-DD}: sends and suspensions that will happen up to that date. */
    public String agenda(Exchange exchange) {
        String until = exchange.getMessage().getHeader("hasta", String.class);
        java.time.LocalDate day;
        try {
            day = until == null || until.isBlank() ? clock.now().atZone(cl.seguimientooc.ladder.ChileHolidays.SANTIAGO)
                    .toLocalDate().plusDays(14) : java.time.LocalDate.parse(until.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(400, "«hasta» debe ser una fecha AAAA-MM-DD");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ahora", clock.now().toString());
        out.put("hasta", day.toString());
        out.put("agenda", agenda.until(day, 5000));
        return json(exchange, Json.write(out));
    }

    /** {@code GET /api/calendario?anio=2026}: holidays as the ladder sees them. */
    public String holidays(Exchange exchange) {
        String year = exchange.getMessage().getHeader("anio", String.class);
        int y;
        try {
            y = year == null || year.isBlank() ? clock.now().atZone(cl.seguimientooc.ladder.ChileHolidays.SANTIAGO).getYear()
                    : Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "«anio» debe ser un año, por ejemplo 2026");
        }
        return json(exchange, Json.write(Map.of("anio", y, "feriados", calendar.holidays(y))));
    }

    /** {@code POST /api/calendario/feriados} {@code {"fecha": "2025-11-16", "nombre": "Elecciones", "feriado": true}}. */
    public String setHoliday(Exchange exchange) {
        var body = Json.read(exchange.getMessage().getBody(String.class));
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(body.path("fecha").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(400, "«fecha» debe ser AAAA-MM-DD");
        }
        boolean holiday = body.path("feriado").asBoolean(true);
        calendar.overrideDay(day, holiday, body.path("nombre").asText(holiday ? "Feriado" : null), "api");
        return json(exchange, Json.write(Map.of("fecha", day.toString(), "feriado", holiday)));
    }

    /** {@code DELETE /api/calendario/feriados/{fecha}}: back to the rules for that date. */
    public String clearHoliday(Exchange exchange) {
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(exchange.getMessage().getHeader("fecha", String.class));
        } catch (RuntimeException e) {
            throw new ApiError(400, "la fecha debe ser AAAA-MM-DD");
        }
        if (!calendar.clearOverride(day)) {
            throw new ApiError(404, "no hay un cambio de calendario para " + day);
        }
        return json(exchange, Json.write(Map.of("fecha", day.toString(), "eliminado", true)));
    }

    public String clockGet(Exchange exchange) {
        requireTestClock();
        return json(exchange, Json.write(clockView()));
    }

    public String clockSet(Exchange exchange) {
        requireTestClock();
        String body = exchange.getMessage().getBody(String.class);
        String value = null;
        if (body != null && !body.isBlank()) {
            try {
                var node = Json.read(body);
                value = node.isObject() ? node.path("ahora").asText(node.path("desplazamiento").asText(null)) : node.asText();
            } catch (IllegalArgumentException e) {
                value = body.strip(); // plain text: an instant or an offset
            }
        }
        if (value == null || value.isBlank()) {
            value = exchange.getMessage().getHeader("ahora", String.class);
        }
        try {
            clock.set(value);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        return json(exchange, Json.write(clockView()));
    }

    public String clockReset(Exchange exchange) {
        requireTestClock();
        clock.reset();
        return json(exchange, Json.write(clockView()));
    }

    private Map<String, Object> clockView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ahora", clock.now().toString());
        m.put("simulado", clock.simulated());
        return m;
    }

    private void requireTestClock() {
        if (!clock.testable()) {
            throw new ApiError(403, "el reloj de prueba está desactivado; se habilita solo con OC_TEST_CLOCK=true");
        }
    }

}
