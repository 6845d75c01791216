package cl.seguimientooc.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.ladder.LadderPolicy.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LadderPolicyTest {

    static final LadderPolicy POLICY = new LadderPolicy(BusinessCalendar.rulesOnly());
    static final Schedule S = Schedule.defaults(2, 4);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChileHolidays.SANTIAGO).toInstant();
    }

    @Test
    void workedExampleFromTheIssue() {
        Instant request = at("2026-06-26T10:00");
        History h = new History(request, request, null, null);
        Next reminder = POLICY.next(h, S, at("2026-06-30T12:00"));
        assertEquals(Step.RECORDATORIO, reminder.step());
        assertEquals(at("2026-07-01T09:00"), reminder.notBefore(), "Wednesday: Monday Jun 29 is a holiday");
        assertFalse(reminder.due());
        assertTrue(POLICY.next(h, S, at("2026-07-01T09:00")).due());

        h = new History(request, request, at("2026-07-01T09:05"), null);
        Next ultimatum = POLICY.next(h, S, at("2026-07-01T12:00"));
        assertEquals(Step.ULTIMATUM, ultimatum.step());
        assertEquals(at("2026-07-03T09:00"), ultimatum.notBefore(), "Friday");

        h = new History(request, request, at("2026-07-01T09:05"), at("2026-07-03T09:10"));
        Next suspension = POLICY.next(h, S, at("2026-07-03T12:00"));
        assertEquals(Step.SUSPENSION, suspension.step());
        assertEquals(at("2026-07-06T18:00"), suspension.notBefore(), "Monday at the close of the window");
        assertFalse(suspension.due());
        assertTrue(POLICY.next(h, S, at("2026-07-06T18:00")).due());
        assertEquals(at("2026-07-06T18:00"), POLICY.suspensionAfterUltimatumOn(LocalDate.of(2026, 7, 3), S),
                "what the ultimatum's text announces");
    }

    @Test
    void requestWaitsForTheWindowUnlessImmediate() {
        History saturday = new History(at("2026-06-27T11:00"), null, null, null);
        Next n = POLICY.next(saturday, S, at("2026-06-27T11:00"));
        assertEquals(Step.SOLICITUD_INICIAL, n.step());
        assertEquals(at("2026-06-30T09:00"), n.notBefore(), "Monday Jun 29 is a holiday: Tuesday 09:00");
        assertFalse(n.due());

        History evening = new History(at("2026-07-01T19:30"), null, null, null);
        assertEquals(at("2026-07-02T09:00"), POLICY.next(evening, S, at("2026-07-01T19:30")).notBefore());
        History early = new History(at("2026-07-01T07:00"), null, null, null);
        assertEquals(at("2026-07-01T09:00"), POLICY.next(early, S, at("2026-07-01T07:00")).notBefore());
        History inside = new History(at("2026-07-01T11:00"), null, null, null);
        assertTrue(POLICY.next(inside, S, at("2026-07-01T11:00")).due());

        Schedule immediate = new Schedule(2, 4, S.windowOpen(), S.windowClose(), true, S.zone());
        Next now = POLICY.next(saturday, immediate, at("2026-06-27T11:00"));
        assertTrue(now.due(), "configured to send the request at once");
    }

    @Test
    void afterDowntimeTheOldestOwedLevelGoesFirstAndTheNextWaitsABusinessDay() {
        Instant request = at("2026-06-26T10:00");
        History h = new History(request, request, null, null);
        Instant back = at("2026-07-10T10:00"); // service was down for two weeks
        Next n = POLICY.next(h, S, back);
        assertEquals(Step.RECORDATORIO, n.step(), "never skipped to the ultimatum");
        assertTrue(n.due());

        History afterReminder = new History(request, request, back, null);
        Next u = POLICY.next(afterReminder, S, at("2026-07-10T15:00"));
        assertEquals(Step.ULTIMATUM, u.step());
        assertEquals(at("2026-07-13T09:00"), u.notBefore(), "not the same business day as the reminder");
        assertFalse(u.due());
    }

    @Test
    void dueLevelsWaitForTheWindow() {
        Instant request = at("2026-06-26T10:00");
        History h = new History(request, request, null, null);
        assertFalse(POLICY.next(h, S, at("2026-07-01T18:30")).due(), "after closing");
        assertFalse(POLICY.next(h, S, at("2026-07-04T10:00")).due(), "Saturday");
        assertTrue(POLICY.next(h, S, at("2026-07-02T09:00")).due(), "next opening");
    }

    @Test
    void suspensionSkipsFiestasPatrias() {
        Instant request = at("2026-09-11T10:00");
        History h = new History(request, request, at("2026-09-15T09:00"), at("2026-09-17T09:00"));
        assertEquals(at("2026-09-21T18:00"), POLICY.next(h, S, at("2026-09-17T10:00")).notBefore());
    }

    @Test
    void perClientDays() {
        Schedule client = S.forClient(3, 6);
        Instant request = at("2026-07-06T10:00");
        History h = new History(request, request, null, null);
        assertEquals(at("2026-07-09T09:00"), POLICY.next(h, client, request).notBefore());
        History h2 = new History(request, request, at("2026-07-09T09:00"), null);
        assertEquals(at("2026-07-14T09:00"), POLICY.next(h2, client, request).notBefore());
        assertEquals(at("2026-07-08T09:00"), POLICY.next(h, S.forClient(null, null), request).notBefore());
    }

    @Test
    void invalidSchedules() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.defaults(4, 2));
        assertThrows(IllegalArgumentException.class, () -> Schedule.defaults(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(2, 4, S.windowClose(), S.windowOpen(), false, S.zone()));
    }
}
