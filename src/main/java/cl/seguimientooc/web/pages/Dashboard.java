package cl.seguimientooc.web.pages;

import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.ladder.PendingAges;
import cl.seguimientooc.mailout.LadderCalendar;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.SqlStatements;
import cl.seguimientooc.web.Api;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The models of the dashboard's reading pages. Each reads the same JSON the API answers (one SQL
 * statement, built by PostgreSQL), so a page and its API never disagree.
 */
public final class Dashboard {

    private static final SqlStatements SQL = SqlStatements.load("dashboard.sql");
    private static final ZoneId SANTIAGO = cl.seguimientooc.ladder.ChileHolidays.SANTIAGO;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final String[] DAYS_TO_OC = {"0–1 días", "2–3 días", "4–5 días", "6–7 días", "8 o más"};
    static final int PAGE_SIZE = 50;

    private final NamedParameterJdbcTemplate jdbc;
    private final Api api;
    private final ServiceClock clock;
    /** The ladder's e-mail levels, which a person may send again by hand. */
    private final List<String> resendable;

    private final HomeCharts charts;

    public Dashboard(NamedParameterJdbcTemplate jdbc, Api api, ServiceClock clock, List<String> resendable, HomeCharts charts) {
        this.jdbc = jdbc;
        this.charts = charts;
        this.api = api;
        this.clock = clock;
        this.resendable = List.copyOf(resendable);
    }

    /** Inicio: the cards and the charts. {@code fragmento}: only the part that refreshes itself. */
    public Page home(@Header("fragmento") String fragment) {
        ZonedDateTime now = clock.now().atZone(SANTIAGO);
        LocalDate today = now.toLocalDate();
        MapSqlParameterSource p = new MapSqlParameterSource("tomorrow", today.plusDays(1).atStartOfDay(SANTIAGO).toOffsetDateTime())
                // OCs carry the database's time, not the test clock's: their month is the real one
                .addValue("month", LocalDate.now(SANTIAGO).toString().substring(0, 7));
        Map<String, Object> data = new HashMap<>(read(jdbc.queryForObject(SQL.get("home"), p, String.class)));
        data.putAll(charts.get());
        Map<String, Object> model = new HashMap<>();
        model.put("d", data);
        model.put("edades", ages(data, today, LadderCalendar.load(jdbc)));
        model.put("tramosOc", labelled(data.get("dias_hasta_oc"), DAYS_TO_OC));
        model.put("semanas", bars(data.get("oc_por_semana"), "semana"));
        model.put("resolucion", bars(data.get("resolucion"), "como"));
        model.put("actualizado", now.toLocalTime().withNano(0).toString());
        model.put("graficosDe", java.time.Instant.ofEpochMilli(charts.computedAt()).atZone(SANTIAGO).toLocalTime().withNano(0).toString());
        model.put("hoy", today.toString());
        return new Page("1".equals(fragment) ? "inicio-datos.ftl" : "inicio.ftl", model);
    }

    /** Reservas: filters, free search, paging (50 a page). */
    public Page reservations(@Header("estado") String status, @Header("agencia") String agency, @Header("desde") String from,
                             @Header("hasta") String to, @Header("q") String query, @Header("pagina") Integer pageNumber) {
        int page = pageNumber == null || pageNumber < 1 ? 1 : Math.min(pageNumber, 100_000);
        Filters f = Filters.of(status, agency, from, to, query);
        String json = api.reservations(f.status(), f.agency(), f.from(), f.to(), f.query(), PAGE_SIZE, (page - 1) * PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("r", read(json));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("estado", status == null ? "" : status);
        filters.put("agencia", agency == null ? "" : agency);
        filters.put("desde", from == null ? "" : from);
        filters.put("hasta", to == null ? "" : to);
        filters.put("q", query == null ? "" : query);
        model.put("f", filters);
        model.put("pagina", page);
        model.put("porPagina", PAGE_SIZE);
        model.put("estados", List.of("pendiente", "sin_contacto", "revision", "recibida", "suspendida", "cancelada", "no_requiere_oc"));
        return new Page("reservas.ftl", model);
    }

    /** The list's filters as typed, from the query string. */
    record Filters(ReservationStatus status, String agency, LocalDate from, LocalDate to, String query) {
        static Filters of(String status, String agency, String from, String to, String query) {
            return new Filters(status == null || status.isBlank() ? null : ReservationStatus.fromCode(status.strip()),
                    blank(agency), date(from), date(to), blank(query));
        }
    }

    /** Reserva: everything known and everything that happened, as one timeline. */
    public Page reservation(@Header("id") String code) {
        Map<String, Object> r = read(api.reservation(code));
        Map<String, Object> model = new HashMap<>();
        model.put("r", r);
        model.put("linea", Timeline.of(r));
        model.put("niveles", resendable);
        return new Page("reserva.ftl", model);
    }

    /** The pending reservations by their age in business days (the SQL counts them per start day). */
    static List<Map<String, Object>> ages(Map<String, Object> data, LocalDate today, BusinessCalendar calendar) {
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (Object o : (List<?>) data.getOrDefault("pendientes_por_inicio", List.of())) {
            Map<?, ?> row = (Map<?, ?>) o;
            perDay.merge(LocalDate.parse(row.get("dia").toString()), ((Number) row.get("n")).longValue(), Long::sum);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (PendingAges.Bucket b : PendingAges.of(perDay, today, calendar)) {
            out.add(Map.of("etiqueta", b.label(), "n", b.count()));
        }
        return withShare(out);
    }

    private static List<Map<String, Object>> labelled(Object rows, String[] labels) {
        long[] counts = new long[labels.length];
        for (Object o : (List<?>) rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            counts[((Number) row.get("tramo")).intValue()] += ((Number) row.get("n")).longValue();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(Map.of("etiqueta", labels[i], "n", counts[i]));
        }
        return withShare(out);
    }

    /** Rows {key, n} as bars labelled by key (a week's Monday as dd-MM-yyyy, a level's name without underscores). */
    private static List<Map<String, Object>> bars(Object rows, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            String label = String.valueOf(row.get(key));
            label = key.equals("semana") ? PageRenderer.date(label) : label.replace('_', ' ');
            out.add(Map.of("etiqueta", label, "n", row.get("n")));
        }
        return withShare(out);
    }

    /** Adds each bar's width in percent of the largest. */
    static List<Map<String, Object>> withShare(List<Map<String, Object>> bars) {
        long max = bars.stream().mapToLong(b -> ((Number) b.get("n")).longValue()).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> b : bars) {
            Map<String, Object> m = new HashMap<>(b);
            long n = ((Number) b.get("n")).longValue();
            m.put("ancho", max == 0 ? 0 : Math.max(n > 0 ? 2 : 0, Math.round(100.0 * n / max)));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> read(String json) {
        try {
            return Json.MAPPER.readValue(json, OBJECT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("respuesta de la base de datos ilegible: " + e.getMessage(), e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("fecha no válida «" + s + "»: use AAAA-MM-DD");
        }
    }
}
