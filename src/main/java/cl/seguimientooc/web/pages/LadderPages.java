package cl.seguimientooc.web.pages;

import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.mailout.LadderCalendar;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.web.LadderApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Agenda (what the ladder will do in the next business days) and Calendario (holidays). */
public final class LadderPages {

    /** The page plans this many reservations (the soonest first); /api/agenda plans up to 5,000. */
    static final int SHOWN = 300;
    private final NamedParameterJdbcTemplate jdbc;
    private final LadderApi ladderApi;
    private final ServiceClock clock;

    /** A day the admin changed: a holiday added, or a rule holiday that is worked. */
    public record Override(String fecha, boolean feriado, String nombre, String dia) {
    }

    public LadderPages(NamedParameterJdbcTemplate jdbc, LadderApi ladderApi, ServiceClock clock) {
        this.jdbc = jdbc;
        this.ladderApi = ladderApi;
        this.clock = clock;
    }

    /** {@code /agenda?dias=N}: the next N business days (5 by default, at most 60), grouped by day. */
    public Page agenda(@Header("dias") Integer days) {
        int n = days == null ? 5 : Math.max(1, Math.min(days, 60));
        LocalDate today = clock.now().atZone(ChileHolidays.SANTIAGO).toLocalDate();
        BusinessCalendar calendar = LadderCalendar.load(jdbc);
        LocalDate until = calendar.addBusinessDays(today, n);
        Map<String, Object> data = Dashboard.read(ladderApi.limitedAgenda(until, SHOWN));
        Map<String, List<Map<?, ?>>> byDay = new LinkedHashMap<>();
        for (Object o : (List<?>) data.get("agenda")) {
            Map<?, ?> item = (Map<?, ?>) o;
            String local = String.valueOf(item.get("fecha_local"));
            byDay.computeIfAbsent(local.length() >= 10 ? local.substring(0, 10) : local, k -> new ArrayList<>()).add(item);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("dias", n);
        model.put("hasta", until.toString());
        model.put("porDia", byDay);
        model.put("total", ((List<?>) data.get("agenda")).size());
        model.put("mostradas", SHOWN);
        return new Page("agenda.ftl", model);
    }

    /** {@code /calendario?anio=2026}: the year's holidays as the ladder sees them, and the admin's changes. */
    public Page calendar(@Header("anio") Integer year) {
        Map<String, Object> data = Dashboard.read(ladderApi.holidays(year));
        List<Override> overrides = jdbc.query("SELECT day, holiday, name FROM calendar_override ORDER BY day", Map.of(),
                (rs, i) -> new Override(rs.getDate("day").toLocalDate().toString(), rs.getBoolean("holiday"), rs.getString("name"),
                        cl.seguimientooc.mailout.ChileanFormat.longDate(rs.getDate("day").toLocalDate())));
        Map<String, Object> model = new HashMap<>();
        model.put("d", data);
        model.put("cambios", overrides);
        return new Page("calendario.ftl", model);
    }
}
