package cl.seguimientooc.ladder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The escalation ladder as pure rules: given a {@link Ladder} (from {@code ladder.yaml}), what
 * was sent and when, and "now", which level comes next, from when, and whether it is due. Knows
 * nothing of Camel, mail or the database.
 *
 * <ul>
 *   <li>the first level goes out as soon as the reservation enters the ladder, inside the send
 *       window (or at once when configured "immediately");</li>
 *   <li>every other level waits its business days after its anchor ({@code from}), for the level
 *       before it to have been sent, and at least until the next business day after that one, so
 *       after downtime the oldest owed level goes first and the next follows a business day later;</li>
 *   <li>a suspension happens at the close of the window on its day, once the levels before it went out.</li>
 * </ul>
 */
public final class LadderPolicy {

    /** When mail may go out. */
    public record Schedule(LocalTime windowOpen, LocalTime windowClose, boolean requestImmediately, ZoneId zone) {
        public Schedule {
            if (!windowOpen.isBefore(windowClose)) {
                throw new IllegalArgumentException("la ventana de envío debe abrir antes de cerrar");
            }
        }

        public static Schedule standard() {
            return new Schedule(LocalTime.of(9, 0), LocalTime.of(18, 0), false, ChileHolidays.SANTIAGO);
        }
    }

    /** A reservation's ladder so far: when it entered, and when each level (by name) was actually sent. */
    public record History(Instant enteredAt, Map<String, Instant> sentAt) {
        public History {
            sentAt = Map.copyOf(sentAt);
        }

        public static History entered(Instant at) {
            return new History(at, Map.of());
        }

        public History with(String level, Instant at) {
            Map<String, Instant> m = new HashMap<>(sentAt);
            m.put(level, at);
            return new History(enteredAt, m);
        }

        /** The levels before {@code index} only: what a resend of that level sees. */
        History before(Ladder ladder, int index) {
            Map<String, Instant> m = new HashMap<>();
            for (int i = 0; i < index; i++) {
                Instant t = sentAt.get(ladder.levels().get(i).name());
                if (t != null) {
                    m.put(ladder.levels().get(i).name(), t);
                }
            }
            return new History(enteredAt, m);
        }
    }

    /** The next level (null when the ladder is over), from when it may happen, and whether it is due now. */
    public record Next(Level level, Instant notBefore, boolean due) {
        public boolean finished() {
            return level == null;
        }
    }

    /** A level the agenda expects, and when. */
    public record Planned(Level level, Instant at) {
    }

    private final BusinessCalendar calendar;

    public LadderPolicy(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Next next(Ladder ladder, History h, Schedule s, Instant now) {
        List<Level> levels = ladder.levels();
        int i = 0;
        while (i < levels.size() && h.sentAt().get(levels.get(i).name()) != null) {
            i++;
        }
        if (i == levels.size()) {
            return new Next(null, Instant.MAX, false);
        }
        Level level = levels.get(i);
        if (i == 0) {
            Instant at = s.requestImmediately() ? h.enteredAt() : windowOpenAtOrAfter(h.enteredAt(), s);
            return new Next(level, at, !now.isBefore(at) && (s.requestImmediately() || inWindow(now, s)));
        }
        LocalDate day = calendar.addBusinessDays(day(h.sentAt().get(ladder.anchor(i).name()), s), level.days());
        if (level.suspends()) {
            Instant at = day.atTime(s.windowClose()).atZone(s.zone()).toInstant();
            return new Next(level, at, !now.isBefore(at));
        }
        LocalDate afterPrevious = calendar.nextBusinessDay(day(h.sentAt().get(levels.get(i - 1).name()), s));
        Instant at = max(day, afterPrevious).atTime(s.windowOpen()).atZone(s.zone()).toInstant();
        return new Next(level, at, !now.isBefore(at) && inWindow(now, s));
    }

    /** What the ladder will do from {@code now} until {@code end} if nothing changes (no OC, no outage). */
    public List<Planned> plan(Ladder ladder, History h, Schedule s, Instant now, Instant end) {
        List<Planned> out = new ArrayList<>();
        Instant at = now;
        for (int guard = 0; guard < ladder.levels().size(); guard++) {
            Next next = next(ladder, h, s, at);
            if (next.finished() || next.notBefore().isAfter(end)) {
                break;
            }
            Instant when = !next.notBefore().isBefore(now) ? next.notBefore()
                    : next.level().suspends() || (guard == 0 && s.requestImmediately() && h.sentAt().isEmpty())
                    ? now : windowOpenAtOrAfter(now, s);
            if (when.isAfter(end)) {
                break;
            }
            out.add(new Planned(next.level(), when));
            if (next.level().suspends()) {
                break;
            }
            h = h.with(next.level().name(), when);
            at = when;
        }
        return out;
    }

    /**
     * When the reservation would be suspended if {@code level} goes out at {@code now} and nothing
     * else changes; null when no suspension follows. The ultimatum's text uses it, so text and
     * action agree.
     */
    public Instant suspensionIf(Ladder ladder, History h, Schedule s, Level level, Instant now) {
        int index = ladder.indexOf(level.name());
        if (index < 0 || ladder.suspension() == null || level.suspends()) {
            return null;
        }
        History sent = h.before(ladder, index).with(level.name(), now);
        Instant horizon = now.atZone(s.zone()).plusYears(1).toInstant();
        for (Planned p : plan(ladder, sent, s, now, horizon)) {
            if (p.level().suspends()) {
                return p.at();
            }
        }
        return null;
    }

    /** Whether mail may go out at this instant: a business day, between opening and closing. */
    public boolean inWindow(Instant t, Schedule s) {
        ZonedDateTime local = t.atZone(s.zone());
        LocalTime time = local.toLocalTime();
        return calendar.isBusinessDay(local.toLocalDate()) && !time.isBefore(s.windowOpen()) && time.isBefore(s.windowClose());
    }

    /** {@code t} when the window is open, else its next opening. */
    public Instant windowOpenAtOrAfter(Instant t, Schedule s) {
        if (inWindow(t, s)) {
            return t;
        }
        ZonedDateTime local = t.atZone(s.zone());
        LocalDate d = local.toLocalDate();
        if (!calendar.isBusinessDay(d) || !local.toLocalTime().isBefore(s.windowOpen())) {
            d = calendar.nextBusinessDay(d);
        }
        return d.atTime(s.windowOpen()).atZone(s.zone()).toInstant();
    }

    private static LocalDate day(Instant t, Schedule s) {
        return t.atZone(s.zone()).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
