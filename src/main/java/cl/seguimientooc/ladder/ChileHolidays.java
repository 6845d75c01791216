package cl.seguimientooc.ladder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chile's national public holidays computed by rule, for any year (current law). Regional holidays
 * and one-off ones (elections, decreed bridges) are not rules: admins add them to the calendar.
 *
 * <ul>
 *   <li>fixed: Jan 1, May 1, May 21, Jul 16, Aug 15, Sep 18, Sep 19, Nov 1, Dec 8, Dec 25;</li>
 *   <li>Jan 2 when Jan 1 is a Sunday (Ley 20.983);</li>
 *   <li>Good Friday and Holy Saturday;</li>
 *   <li>Día Nacional de los Pueblos Indígenas on the winter-solstice day in Chile (Ley 21.357, from 2021);</li>
 *   <li>San Pedro y San Pablo (Jun 29) and Encuentro de Dos Mundos (Oct 12) moved to Monday: Tue–Thu to
 *       the Monday before, Friday to the Monday after (Ley 19.668);</li>
 *   <li>Sep 17 when it is a Monday and Sep 20 when it is a Friday (Ley 20.215), and Sep 17 when it is a
 *       Friday, Sep 18 then being a Saturday (Ley 20.983);</li>
 *   <li>Iglesias Evangélicas y Protestantes (Oct 31): Tuesday moves to the Friday before, Wednesday to
 *       the Friday after (Ley 20.299).</li>
 * </ul>
 * Dec 31 is a bank holiday, not a public one, and is not listed.
 */
public final class ChileHolidays {

    public static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private ChileHolidays() {
    }

    /** Date to name, in date order. */
    public static Map<LocalDate, String> of(int year) {
        Map<LocalDate, String> h = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        h.put(newYear, "Año Nuevo");
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.put(newYear.plusDays(1), "Feriado adicional de Año Nuevo");
        }
        LocalDate easter = easterSunday(year);
        h.put(easter.minusDays(2), "Viernes Santo");
        h.put(easter.minusDays(1), "Sábado Santo");
        h.put(LocalDate.of(year, 5, 1), "Día Nacional del Trabajo");
        h.put(LocalDate.of(year, 5, 21), "Día de las Glorias Navales");
        if (year >= 2021) {
            h.put(Solstice.juneDay(year, SANTIAGO), "Día Nacional de los Pueblos Indígenas");
        }
        h.put(toMonday(LocalDate.of(year, 6, 29)), "San Pedro y San Pablo");
        h.put(LocalDate.of(year, 7, 16), "Día de la Virgen del Carmen");
        h.put(LocalDate.of(year, 8, 15), "Asunción de la Virgen");
        LocalDate sep17 = LocalDate.of(year, 9, 17);
        if (sep17.getDayOfWeek() == DayOfWeek.MONDAY || sep17.getDayOfWeek() == DayOfWeek.FRIDAY) {
            h.put(sep17, "Feriado adicional de Fiestas Patrias");
        }
        h.put(LocalDate.of(year, 9, 18), "Independencia Nacional");
        h.put(LocalDate.of(year, 9, 19), "Día de las Glorias del Ejército");
        LocalDate sep20 = LocalDate.of(year, 9, 20);
        if (sep20.getDayOfWeek() == DayOfWeek.FRIDAY) {
            h.put(sep20, "Feriado adicional de Fiestas Patrias");
        }
        h.put(toMonday(LocalDate.of(year, 10, 12)), "Encuentro de Dos Mundos");
        h.put(evangelicalChurches(year), "Día de las Iglesias Evangélicas y Protestantes");
        h.put(LocalDate.of(year, 11, 1), "Día de Todos los Santos");
        h.put(LocalDate.of(year, 12, 8), "Inmaculada Concepción");
        h.put(LocalDate.of(year, 12, 25), "Navidad");
        return h;
    }

    /** Ley 19.668: Tuesday to Thursday move to that week's Monday, Friday to the next Monday. */
    static LocalDate toMonday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case TUESDAY -> d.minusDays(1);
            case WEDNESDAY -> d.minusDays(2);
            case THURSDAY -> d.minusDays(3);
            case FRIDAY -> d.plusDays(3);
            default -> d;
        };
    }

    static LocalDate evangelicalChurches(int year) {
        LocalDate d = LocalDate.of(year, Month.OCTOBER, 31);
        return switch (d.getDayOfWeek()) {
            case TUESDAY -> d.minusDays(4);
            case WEDNESDAY -> d.plusDays(2);
            default -> d;
        };
    }

    /** Gregorian Easter (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
