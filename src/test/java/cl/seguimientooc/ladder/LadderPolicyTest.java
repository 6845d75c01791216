package cl.seguimientooc.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LadderPolicyTest {

    static final LadderPolicy POLICY = new LadderPolicy(BusinessCalendar.rulesOnly());
    static final Schedule S = Schedule.standard();
    /** The bundled ladder.yaml with DAYS_FOR_REMINDER_1/2 = 2/4. */
    static final Ladder L = ladder(Map.of());

    static Ladder ladder(Map<String, Integer> days) {
        return LadderConfig.load(null, k -> k.equals("days.for.reminder.1") ? "2" : "4").defaults().apply(List.of(), days, "t");
    }

    /** What was sent: entered, then the request, the reminder and the ultimatum (null = not yet). */
    static History h(Instant entered, Instant request, Instant reminder, Instant ultimatum) {
        Map<String, Instant> sent = new HashMap<>();
        if (request != null) {
            sent.put("solicitud_inicial", request);
        }
        if (reminder != null) {
            sent.put("recordatorio", reminder);
        }
        if (ultimatum != null) {
            sent.put("ultimatum", ultimatum);
        }
        return new History(entered, sent);
    }

    static Next next(History h, Instant now) {
        return POLICY.next(L, h, S, now);
    }

    static String name(Next n) {
        return n.level().name();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChileHolidays.SANTIAGO).toInstant();
    }

    @Test
    void workedExampleFromTheIssue() {
        Instant request = at("2026-06-26T10:00");
        History h = h(request, request, null, null);
        Next reminder = next(h, at("2026-06-30T12:00"));
        assertEquals("recordatorio", name(reminder));
        assertEquals(at("2026-07-01T09:00"), reminder.notBefore(), "Wednesday: Monday Jun 29 is a holiday");
        assertFalse(reminder.due());
        assertTrue(next(h, at("2026-07-01T09:00")).due());

        h = h(request, request, at("2026-07-01T09:05"), null);
        Next ultimatum = next(h, at("2026-07-01T12:00"));
        assertEquals("ultimatum", name(ultimatum));
        assertEquals(at("2026-07-03T09:00"), ultimatum.notBefore(), "Friday");

        h = h(request, request, at("2026-07-01T09:05"), at("2026-07-03T09:10"));
        Next suspension = next(h, at("2026-07-03T12:00"));
        assertEquals("suspension", name(suspension));
        assertEquals(at("2026-07-06T18:00"), suspension.notBefore(), "Monday at the close of the window");
        assertFalse(suspension.due());
        assertTrue(next(h, at("2026-07-06T18:00")).due());
        History beforeUltimatum = h(request, request, at("2026-07-01T09:05"), null);
        assertEquals(at("2026-07-06T18:00"), POLICY.suspensionIf(L, beforeUltimatum, S, L.level("ultimatum"),
                at("2026-07-03T09:10")), "what the ultimatum's text announces");
    }

    @Test
    void requestWaitsForTheWindowUnlessImmediate() {
        History saturday = h(at("2026-06-27T11:00"), null, null, null);
        Next n = next(saturday, at("2026-06-27T11:00"));
        assertEquals("solicitud_inicial", name(n));
        assertEquals(at("2026-06-30T09:00"), n.notBefore(), "Monday Jun 29 is a holiday: Tuesday 09:00");
        assertFalse(n.due());

        History evening = h(at("2026-07-01T19:30"), null, null, null);
        assertEquals(at("2026-07-02T09:00"), next(evening, at("2026-07-01T19:30")).notBefore());
        History early = h(at("2026-07-01T07:00"), null, null, null);
        assertEquals(at("2026-07-01T09:00"), next(early, at("2026-07-01T07:00")).notBefore());
        History inside = h(at("2026-07-01T11:00"), null, null, null);
        assertTrue(next(inside, at("2026-07-01T11:00")).due());

        Schedule immediate = new Schedule(S.windowOpen(), S.windowClose(), true, S.zone());
        Next now = POLICY.next(L, saturday, immediate, at("2026-06-27T11:00"));
        assertTrue(now.due(), "configured to send the request at once");
    }

    @Test
    void afterDowntimeTheOldestOwedLevelGoesFirstAndTheNextWaitsABusinessDay() {
        Instant request = at("2026-06-26T10:00");
        History h = h(request, request, null, null);
        Instant back = at("2026-07-10T10:00"); // service was down for two weeks
        Next n = next(h, back);
        assertEquals("recordatorio", name(n), "never skipped to the ultimatum");
        assertTrue(n.due());

        History afterReminder = h(request, request, back, null);
        Next u = next(afterReminder, at("2026-07-10T15:00"));
        assertEquals("ultimatum", name(u));
        assertEquals(at("2026-07-13T09:00"), u.notBefore(), "not the same business day as the reminder");
        assertFalse(u.due());
    }

    @Test
    void dueLevelsWaitForTheWindow() {
        Instant request = at("2026-06-26T10:00");
        History h = h(request, request, null, null);
        assertFalse(next(h, at("2026-07-01T18:30")).due(), "after closing");
        assertFalse(next(h, at("2026-07-04T10:00")).due(), "Saturday");
        assertTrue(next(h, at("2026-07-02T09:00")).due(), "next opening");
    }

    @Test
    void suspensionSkipsFiestasPatrias() {
        Instant request = at("2026-09-11T10:00");
        History h = h(request, request, at("2026-09-15T09:00"), at("2026-09-17T09:00"));
        assertEquals(at("2026-09-21T18:00"), next(h, at("2026-09-17T10:00")).notBefore());
    }

    @Test
    void perClientDays() {
        Ladder client = ladder(Map.of("recordatorio", 3, "ultimatum", 6));
        Instant request = at("2026-07-06T10:00");
        History h = h(request, request, null, null);
        assertEquals(at("2026-07-09T09:00"), POLICY.next(client, h, S, request).notBefore());
        History h2 = h(request, request, at("2026-07-09T09:00"), null);
        assertEquals(at("2026-07-14T09:00"), POLICY.next(client, h2, S, request).notBefore());
        assertEquals(at("2026-07-08T09:00"), next(h, request).notBefore());
    }

    @Test
    void droppingTheUltimatumDropsTheSuspensionAndTheLadderEnds() {
        Ladder soft = L.apply(List.of("ultimatum"), Map.of(), "soft");
        assertEquals("solicitud_inicial, recordatorio", soft.names());
        Instant request = at("2026-07-06T10:00");
        Next end = POLICY.next(soft, h(request, request, at("2026-07-08T09:00"), null), S, at("2026-07-20T10:00"));
        assertTrue(end.finished());
        assertFalse(end.due());
        assertEquals(null, POLICY.suspensionIf(soft, h(request, request, null, null), S, soft.level("recordatorio"), request));
    }

    @Test
    void anAddedCourtesyLevelOnTheSuspensionDayDoesNotMoveTheSuspension() {
        Ladder withCourtesy = new Ladder("c", List.of(L.levels().get(0), L.levels().get(1), L.levels().get(2),
                new Level("cortesia", 1, "ultimatum", "cortesia", Level.Recipients.CC, Level.Action.NOTIFY, null),
                L.levels().get(3)));
        Instant request = at("2026-07-01T09:00");
        History sent = h(request, request, at("2026-07-03T09:00"), at("2026-07-07T09:00")); // Tuesday
        Next courtesy = POLICY.next(withCourtesy, sent, S, at("2026-07-08T09:00"));
        assertEquals("cortesia", name(courtesy));
        assertTrue(courtesy.due(), "Wednesday, one business day after the ultimatum");
        Next suspension = POLICY.next(withCourtesy, sent.with("cortesia", at("2026-07-08T09:00")), S, at("2026-07-08T10:00"));
        assertEquals("suspension", name(suspension));
        assertEquals(at("2026-07-08T18:00"), suspension.notBefore(), "the day the ultimatum announced");
        assertEquals(at("2026-07-08T18:00"), POLICY.suspensionIf(withCourtesy, sent, S, withCourtesy.level("ultimatum"),
                at("2026-07-07T09:00")));
    }

    @Test
    void agendaPlansEveryLevelUntilTheSuspension() {
        Instant entered = at("2026-07-01T20:00");
        List<LadderPolicy.Planned> plan = POLICY.plan(L, LadderPolicy.History.entered(entered), S, entered, at("2026-08-01T00:00"));
        assertEquals(List.of("solicitud_inicial", "recordatorio", "ultimatum", "suspension"),
                plan.stream().map(p -> p.level().name()).toList());
        assertEquals(List.of(at("2026-07-02T09:00"), at("2026-07-06T09:00"), at("2026-07-08T09:00"), at("2026-07-09T18:00")),
                plan.stream().map(LadderPolicy.Planned::at).toList());
    }

    @Test
    void invalidSchedules() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(S.windowClose(), S.windowOpen(), false, S.zone()));
    }
}
