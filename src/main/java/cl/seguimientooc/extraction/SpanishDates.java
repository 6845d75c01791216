package cl.seguimientooc.extraction;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as Spanish-language documents print them: {@code jueves 27, nov. 2025},
 * {@code lunes, 24 de noviembre de 2025}, {@code 27/11/2025}, {@code 3:00 PM}. Accents, case and the
 * abbreviation dot are optional; {@code sep.}, {@code sept.} and {@code set.} are all September.
 */
public final class SpanishDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("ene", 1), Map.entry("enero", 1),
            Map.entry("feb", 2), Map.entry("febrero", 2),
            Map.entry("mar", 3), Map.entry("marzo", 3),
            Map.entry("abr", 4), Map.entry("abril", 4),
            Map.entry("may", 5), Map.entry("mayo", 5),
            Map.entry("jun", 6), Map.entry("junio", 6),
            Map.entry("jul", 7), Map.entry("julio", 7),
            Map.entry("ago", 8), Map.entry("agosto", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("set", 9),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9),
            Map.entry("oct", 10), Map.entry("octubre", 10),
            Map.entry("nov", 11), Map.entry("noviembre", 11),
            Map.entry("dic", 12), Map.entry("diciembre", 12));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("martes", DayOfWeek.TUESDAY), Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("mie", DayOfWeek.WEDNESDAY),
            Map.entry("jueves", DayOfWeek.THURSDAY), Map.entry("jue", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("vie", DayOfWeek.FRIDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY), Map.entry("sab", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY), Map.entry("dom", DayOfWeek.SUNDAY));

    private static final String MONTH = "(?<month>septiembre|setiembre|noviembre|diciembre|octubre|febrero|agosto"
            + "|enero|marzo|abril|junio|julio|mayo|sept|ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic)";
    private static final String WEEKDAY = "(?:(?<weekday>lunes|martes|miercoles|jueves|viernes|sabado|domingo"
            + "|lun|mar|mie|jue|vie|sab|dom)\\.?,?\\s+)?";

    /** {@code jueves 27, nov. 2025}, {@code lunes, 24 de noviembre de 2025}, {@code 5 dic 2025}. */
    private static final Pattern WORDY = Pattern.compile("\\b" + WEEKDAY
            + "(?<day>\\d{1,2})(?:\\s*,)?(?:\\s+de)?[\\s,.\\-]+" + MONTH + "\\b\\.?"
            + "(?:\\s+del?\\s+|[\\s,.\\-]+)(?<year>\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** {@code 27/11/2025}, {@code 27-11-25}, {@code 27.11.2025}. */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(?<day>\\d{1,2})([/.\\-])(?<month>\\d{1,2})\\2(?<year>\\d{4}|\\d{2})(?!\\d)");
    /** ISO {@code 2025-11-27}. */
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?!\\d)");

    private static final Pattern TIME = Pattern.compile(
            "(?<!\\d)(?<hour>\\d{1,2})(?:\\s*[:.h]\\s*(?<minute>\\d{2}))?\\s*(?<ampm>[ap]\\.?\\s?m\\.?)?(?![\\d])",
            Pattern.CASE_INSENSITIVE);

    private SpanishDates() {
    }

    /** A date found in free text, with a warning when the printed weekday disagrees with it. */
    public record FoundDate(LocalDate date, String warning) {
    }

    /**
     * Finds the first date in {@code text}.
     *
     * @throws DateTimeException when something shaped like a date is not a real date (31 de febrero)
     */
    public static Optional<FoundDate> find(String text) {
        String folded = TextFolding.fold(text);
        Matcher wordy = WORDY.matcher(folded);
        Matcher numeric = NUMERIC.matcher(folded);
        Matcher iso = ISO.matcher(folded);
        Matcher best = null;
        for (Matcher m : new Matcher[] {wordy, iso, numeric}) {
            if (m.find() && (best == null || m.start() < best.start())) {
                best = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int day = Integer.parseInt(best.group("day"));
        int year = Integer.parseInt(best.group("year"));
        if (year < 100) {
            year += 2000;
        }
        int month;
        String warning = null;
        if (best == wordy) {
            month = MONTHS.get(best.group("month").toLowerCase(Locale.ROOT));
        } else {
            month = Integer.parseInt(best.group("month"));
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (best == wordy && best.group("weekday") != null) {
            DayOfWeek printed = WEEKDAYS.get(best.group("weekday").toLowerCase(Locale.ROOT));
            if (printed != date.getDayOfWeek()) {
                warning = "el día de la semana impreso («" + best.group("weekday") + "») no coincide con " + date;
            }
        }
        return Optional.of(new FoundDate(date, warning));
    }

    /** Finds the first time of day: {@code 3:00 PM}, {@code 15:00}, {@code 11 AM}, {@code 14.30 hrs}. */
    public static Optional<LocalTime> findTime(String text) {
        Matcher m = TIME.matcher(TextFolding.fold(text));
        while (m.find()) {
            if (m.group("minute") == null && m.group("ampm") == null) {
                continue;
            }
            int hour = Integer.parseInt(m.group("hour"));
            int minute = m.group("minute") == null ? 0 : Integer.parseInt(m.group("minute"));
            String ampm = m.group("ampm");
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    throw new DateTimeException("hora inválida: " + m.group());
                }
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return Optional.of(LocalTime.of(hour, minute));
        }
        return Optional.empty();
    }
}
