package cl.seguimientooc.mailout;

import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.SqlStatements;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The business calendar the ladder uses: Chile's rules plus the admin's changes, stored in the database. */
public final class LadderCalendar {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");

    private final Db db;
    private final NamedParameterJdbcTemplate jdbc;

    public LadderCalendar(Db db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    /** Adds a holiday (holiday=true) or works a rule holiday (false); every pending reservation is re-planned. */
    public void overrideDay(LocalDate day, boolean holiday, String name, String actor) {
        db.tx().executeWithoutResult(tx -> {
            jdbc.update(SQL.get("override_upsert"), new MapSqlParameterSource("day", day).addValue("holiday", holiday)
                    .addValue("name", name).addValue("actor", actor));
            jdbc.update(SQL.get("replan_all"), Map.of());
        });
    }

    /** Removes an admin's change to a date (back to the rules); every pending reservation is re-planned. */
    public boolean clearOverride(LocalDate day) {
        Boolean removed = db.tx().execute(tx -> {
            int n = jdbc.update(SQL.get("override_delete"), Map.of("day", day));
            jdbc.update(SQL.get("replan_all"), Map.of());
            return n > 0;
        });
        return Boolean.TRUE.equals(removed);
    }

    /** A holiday as the API shows it. */
    public record Holiday(@com.fasterxml.jackson.annotation.JsonProperty("fecha") String day,
                          @com.fasterxml.jackson.annotation.JsonProperty("nombre") String name,
                          @com.fasterxml.jackson.annotation.JsonProperty("dia") String longDay) {
    }

    /** The holidays of a year as the ladder sees them (rules plus the admin's changes). */
    public List<Holiday> holidays(int year) {
        cl.seguimientooc.ladder.BusinessCalendar calendar = load(jdbc);
        List<Holiday> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            String name = calendar.holiday(d);
            if (name != null) {
                out.add(new Holiday(d.toString(), name, ChileanFormat.longDate(d)));
            }
        }
        return out;
    }

    /** The business calendar with the admin's changes from the database. */
    public static cl.seguimientooc.ladder.BusinessCalendar load(NamedParameterJdbcTemplate jdbc) {
        Map<LocalDate, cl.seguimientooc.ladder.BusinessCalendar.Override> overrides = new LinkedHashMap<>();
        jdbc.query(SQL.get("overrides"), Map.of(), rs -> {
            LocalDate day = rs.getDate("day").toLocalDate();
            overrides.put(day, new cl.seguimientooc.ladder.BusinessCalendar.Override(day, rs.getBoolean("holiday"),
                    rs.getString("name")));
        });
        return new cl.seguimientooc.ladder.BusinessCalendar(overrides);
    }

}
