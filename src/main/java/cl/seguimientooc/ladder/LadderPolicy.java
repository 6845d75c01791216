package cl.seguimientooc.ladder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The escalation ladder as pure rules: given what was sent and when, and "now", which step comes
 * next, from when, and whether it is due. Knows nothing of Camel, mail or the database.
 *
 * <ol>
 *   <li>solicitud inicial: as soon as the reservation enters the ladder, inside the send window
 *       (or at once when configured "immediately");</li>
 *   <li>recordatorio: {@code reminderDays} business days after the request was actually sent;</li>
 *   <li>ultimátum: {@code ultimatumDays} business days after the request;</li>
 *   <li>suspensión: at the close of the window on the business day after the ultimatum was sent.</li>
 * </ol>
 * Levels are never skipped and never two on one business day: each waits for the previous one to
 * be sent, and at least until the next business day, so after downtime the oldest owed level goes
 * first and the next one follows a business day later.
 */
public final class LadderPolicy {

    /** Steps in order; {@code level} is the e-mail level (0 for suspension). */
    public enum Step {
        SOLICITUD_INICIAL(1, "solicitud_inicial"),
        RECORDATORIO(2, "recordatorio_dia2"),
        ULTIMATUM(3, "ultimatum_dia4"),
        SUSPENSION(0, "suspension"),
        TERMINADA(0, "terminada");

        private final int level;
        private final String code;

        Step(int level, String code) {
            this.level = level;
            this.code = code;
        }

        public int level() {
            return level;
        }

        public String code() {
            return code;
        }
    }

    /** When mail may go out and how many business days each level waits. */
    public record Schedule(int reminderDays, int ultimatumDays, LocalTime windowOpen, LocalTime windowClose,
                           boolean requestImmediately, ZoneId zone) {
        public Schedule {
            if (reminderDays < 1 || ultimatumDays <= reminderDays) {
                throw new IllegalArgumentException("se requiere 1 ≤ días de recordatorio < días de ultimátum");
            }
            if (!windowOpen.isBefore(windowClose)) {
                throw new IllegalArgumentException("la ventana de envío debe abrir antes de cerrar");
            }
        }

        public static Schedule defaults(int reminderDays, int ultimatumDays) {
            return new Schedule(reminderDays, ultimatumDays, LocalTime.of(9, 0), LocalTime.of(18, 0), false,
                    ChileHolidays.SANTIAGO);
        }

        /** The same schedule with a client's own day counts (null keeps the global value). */
        public Schedule forClient(Integer clientReminderDays, Integer clientUltimatumDays) {
            return new Schedule(clientReminderDays == null ? reminderDays : clientReminderDays,
                    clientUltimatumDays == null ? ultimatumDays : clientUltimatumDays, windowOpen, windowClose,
                    requestImmediately, zone);
        }
    }

    /** A reservation's ladder so far: when it entered, and when each level was actually sent. */
    public record History(Instant enteredAt, Instant requestSentAt, Instant reminderSentAt, Instant ultimatumSentAt) {
    }

    /** The next step, from when it may happen, and whether it is due now. */
    public record Next(Step step, Instant notBefore, boolean due) {
    }

    private final BusinessCalendar calendar;

    public LadderPolicy(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public Next next(History h, Schedule s, Instant now) {
        if (h.requestSentAt() == null) {
            Instant at = s.requestImmediately() ? h.enteredAt() : windowOpenAtOrAfter(h.enteredAt(), s);
            boolean due = !now.isBefore(at) && (s.requestImmediately() || inWindow(now, s));
            return new Next(Step.SOLICITUD_INICIAL, at, due);
        }
        LocalDate requestDay = day(h.requestSentAt(), s);
        if (h.reminderSentAt() == null) {
            LocalDate d = max(calendar.addBusinessDays(requestDay, s.reminderDays()), calendar.nextBusinessDay(requestDay));
            return windowed(Step.RECORDATORIO, d, s, now);
        }
        if (h.ultimatumSentAt() == null) {
            LocalDate d = max(calendar.addBusinessDays(requestDay, s.ultimatumDays()),
                    calendar.nextBusinessDay(day(h.reminderSentAt(), s)));
            return windowed(Step.ULTIMATUM, d, s, now);
        }
        Instant suspension = suspensionAfterUltimatumOn(day(h.ultimatumSentAt(), s), s);
        return new Next(Step.SUSPENSION, suspension, !now.isBefore(suspension));
    }

    /**
     * When a reservation whose ultimatum goes out on {@code ultimatumDay} is suspended: the close of
     * the window on the next business day. The ultimatum's text uses this, so text and action agree.
     */
    public Instant suspensionAfterUltimatumOn(LocalDate ultimatumDay, Schedule s) {
        return calendar.nextBusinessDay(ultimatumDay).atTime(s.windowClose()).atZone(s.zone()).toInstant();
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

    private Next windowed(Step step, LocalDate day, Schedule s, Instant now) {
        Instant at = day.atTime(s.windowOpen()).atZone(s.zone()).toInstant();
        return new Next(step, at, !now.isBefore(at) && inWindow(now, s));
    }

    private static LocalDate day(Instant t, Schedule s) {
        return t.atZone(s.zone()).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
