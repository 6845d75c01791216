package cl.seguimientooc.ladder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pending reservations grouped by age in business days, as the dashboard and the daily summary show them. */
public final class PendingAges {

    public static final List<String> BUCKETS = List.of("0–1", "2–3", "4–5", "6–10", "más de 10");

    /** One bucket: its label and how many reservations are that old. */
    public record Bucket(String label, long count) {
    }

    private PendingAges() {
    }

    /** {@code startedPerDay}: how many pending reservations started their ladder on each day. */
    public static List<Bucket> of(Map<LocalDate, Long> startedPerDay, LocalDate today, BusinessCalendar calendar) {
        long[] counts = new long[BUCKETS.size()];
        startedPerDay.forEach((day, n) -> counts[bucket(businessDaysBetween(day, today, calendar))] += n);
        List<Bucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new Bucket(BUCKETS.get(i), counts[i]));
        }
        return out;
    }

    static int bucket(int age) {
        return age <= 1 ? 0 : age <= 3 ? 1 : age <= 5 ? 2 : age <= 10 ? 3 : 4;
    }

    /** Business days after {@code from} up to {@code to} (0 the same day), counted up to 11: older is "más de 10". */
    public static int businessDaysBetween(LocalDate from, LocalDate to, BusinessCalendar calendar) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to) && n <= 11; d = d.plusDays(1)) {
            if (calendar.isBusinessDay(d)) {
                n++;
            }
        }
        return n;
    }
}
