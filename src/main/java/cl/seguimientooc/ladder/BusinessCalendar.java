package cl.seguimientooc.ladder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days in Chile: Monday to Friday except public holidays by rule ({@link ChileHolidays})
 * and the dates an admin added (elections, decreed holidays) or removed. Immutable; build a new one
 * when the admin changes change.
 */
public final class BusinessCalendar {

    /** An admin's change to one date: a holiday added (with its name) or a rule holiday removed. */
    public record Override(LocalDate date, boolean holiday, String name) {
    }

    private final Map<LocalDate, Override> overrides;
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    public BusinessCalendar(Map<LocalDate, Override> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static BusinessCalendar rulesOnly() {
        return new BusinessCalendar(Map.of());
    }

    /** The holiday's name, or null when the date is not a holiday. */
    public String holiday(LocalDate date) {
        Override o = overrides.get(date);
        if (o != null) {
            return o.holiday() ? (o.name() == null || o.name().isBlank() ? "Feriado" : o.name()) : null;
        }
        return byYear.computeIfAbsent(date.getYear(), ChileHolidays::of).get(date);
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && holiday(date) == null;
    }

    /** The first business day strictly after {@code date}. */
    public LocalDate nextBusinessDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it is a business day, else the next one. */
    public LocalDate sameOrNextBusinessDay(LocalDate date) {
        return isBusinessDay(date) ? date : nextBusinessDay(date);
    }

    /** The n-th business day after {@code date} (n ≥ 1); {@code date} itself does not count. */
    public LocalDate addBusinessDays(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n debe ser al menos 1");
        }
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = nextBusinessDay(d);
        }
        return d;
    }
}
