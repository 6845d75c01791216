package cl.seguimientooc.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checked against a list written out for 2024–2040 (official lists to 2027, the laws after),
 * leaving out election days, which are one-off and added by an admin.
 */
class ChileHolidaysTest {

    static List<LocalDate> dates(int year, String... monthDays) {
        return Stream.of(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
    }

    /**
     * Every national holiday 2024–2040, written out from the official lists (2024–2027) and the laws
     * (Leyes 19.668, 20.215, 20.299, 20.983, 21.357) with Easter and the solstice from published tables.
     * Election days are left out: they are one-off and added by an admin.
     */
    static final List<String> HOLIDAYS_2024_2040 = List.of(
        "2024: 01-01 03-29 03-30 05-01 05-21 06-20 06-29 07-16 08-15 09-18 09-19 09-20 10-12 10-31 11-01 12-08 12-25",
        "2025: 01-01 04-18 04-19 05-01 05-21 06-20 06-29 07-16 08-15 09-18 09-19 10-12 10-31 11-01 12-08 12-25",
        "2026: 01-01 04-03 04-04 05-01 05-21 06-21 06-29 07-16 08-15 09-18 09-19 10-12 10-31 11-01 12-08 12-25",
        "2027: 01-01 03-26 03-27 05-01 05-21 06-21 06-28 07-16 08-15 09-17 09-18 09-19 10-11 10-31 11-01 12-08 12-25",
        "2028: 01-01 04-14 04-15 05-01 05-21 06-20 06-26 07-16 08-15 09-18 09-19 10-09 10-27 11-01 12-08 12-25",
        "2029: 01-01 03-30 03-31 05-01 05-21 06-20 07-02 07-16 08-15 09-17 09-18 09-19 10-15 11-01 11-02 12-08 12-25",
        "2030: 01-01 04-19 04-20 05-01 05-21 06-21 06-29 07-16 08-15 09-18 09-19 09-20 10-12 10-31 11-01 12-08 12-25",
        "2031: 01-01 04-11 04-12 05-01 05-21 06-21 06-29 07-16 08-15 09-18 09-19 10-12 10-31 11-01 12-08 12-25",
        "2032: 01-01 03-26 03-27 05-01 05-21 06-20 06-28 07-16 08-15 09-17 09-18 09-19 10-11 10-31 11-01 12-08 12-25",
        "2033: 01-01 04-15 04-16 05-01 05-21 06-20 06-27 07-16 08-15 09-18 09-19 10-10 10-31 11-01 12-08 12-25",
        "2034: 01-01 01-02 04-07 04-08 05-01 05-21 06-21 06-26 07-16 08-15 09-18 09-19 10-09 10-27 11-01 12-08 12-25",
        "2035: 01-01 03-23 03-24 05-01 05-21 06-21 07-02 07-16 08-15 09-17 09-18 09-19 10-15 11-01 11-02 12-08 12-25",
        "2036: 01-01 04-11 04-12 05-01 05-21 06-20 06-29 07-16 08-15 09-18 09-19 10-12 10-31 11-01 12-08 12-25",
        "2037: 01-01 04-03 04-04 05-01 05-21 06-20 06-29 07-16 08-15 09-18 09-19 10-12 10-31 11-01 12-08 12-25",
        "2038: 01-01 04-23 04-24 05-01 05-21 06-21 06-28 07-16 08-15 09-17 09-18 09-19 10-11 10-31 11-01 12-08 12-25",
        "2039: 01-01 04-08 04-09 05-01 05-21 06-21 06-27 07-16 08-15 09-18 09-19 10-10 10-31 11-01 12-08 12-25",
        "2040: 01-01 01-02 03-30 03-31 05-01 05-21 06-20 07-02 07-16 08-15 09-17 09-18 09-19 10-15 11-01 11-02 12-08 12-25");

    @Test
    void everyHoliday2024To2040() {
        for (String line : HOLIDAYS_2024_2040) {
            int year = Integer.parseInt(line.substring(0, 4));
            List<LocalDate> expected = dates(year, line.substring(6).split(" "));
            assertEquals(expected, List.copyOf(ChileHolidays.of(year).keySet()), "feriados de " + year);
        }
        assertEquals(17, HOLIDAYS_2024_2040.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2027-09-17", "2032-09-17", "2038-09-17"})
    void sep17OnAFridayIsAHoliday(LocalDate date) {
        assertEquals("Feriado adicional de Fiestas Patrias", ChileHolidays.of(date.getYear()).get(date));
    }

    @Test
    void reminderAfterWednesdaySep15Of2027IsMondaySep20() {
        // Request Wed 2027-09-15: Thu 16 is business day 1; Fri 17, Sat 18, Sun 19 are not; Mon 20 is day 2.
        assertEquals(LocalDate.of(2027, 9, 20), BusinessCalendar.rulesOnly().addBusinessDays(LocalDate.of(2027, 9, 15), 2));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2023-01-02, Jan 1 on a Sunday adds Monday Jan 2",
        "2023-06-26, San Pedro y San Pablo on a Thursday moves to that Monday",
        "2023-10-09, Oct 12 on a Thursday moves to that Monday",
        "2023-10-27, Oct 31 on a Tuesday moves to the Friday before",
        "2029-11-02, Oct 31 on a Wednesday moves to the Friday after",
        "2029-07-02, Jun 29 on a Friday moves to the next Monday",
        "2029-10-15, Oct 12 on a Friday moves to the next Monday",
        "2018-09-17, Sep 17 on a Monday is a bridge holiday",
        "2019-09-20, Sep 20 on a Friday is a bridge holiday",
        "2022-06-21, solstice 2022",
        "2023-06-21, solstice 2023",
        "2028-06-20, solstice 2028",
        "2029-06-20, solstice 2029 (01:48 UTC is still June 20 in Chile)",
    })
    void ruleCases(LocalDate date, String why) {
        assertTrue(ChileHolidays.of(date.getYear()).containsKey(date), why);
    }

    @Test
    void notHolidays() {
        Map<LocalDate, String> y2023 = ChileHolidays.of(2023);
        assertFalse(y2023.containsKey(LocalDate.of(2023, 6, 29)), "moved away");
        assertFalse(y2023.containsKey(LocalDate.of(2023, 10, 31)), "moved away");
        assertFalse(ChileHolidays.of(2025).containsKey(LocalDate.of(2025, 12, 31)), "Dec 31 is a bank holiday only");
        assertFalse(ChileHolidays.of(2026).containsKey(LocalDate.of(2026, 9, 17)), "Sep 17 on a Thursday is not a bridge");
        assertFalse(ChileHolidays.of(2028).containsKey(LocalDate.of(2028, 1, 2)), "Jan 1 2028 is a Saturday");
        assertFalse(ChileHolidays.of(2025).containsKey(LocalDate.of(2025, 6, 21)), "solstice 2025 is June 20 in Chile");
    }

    @Test
    void easter() {
        assertEquals(LocalDate.of(2024, 3, 31), ChileHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), ChileHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2038, 4, 25), ChileHolidays.easterSunday(2038));
        assertEquals(LocalDate.of(2285, 3, 22), ChileHolidays.easterSunday(2285));
    }

    @Test
    void solsticeInstantIsWithinMinutesOfPublishedTimes() {
        // USNO: 2024-06-20 20:51 UTC, 2025-06-21 02:42 UTC, 2026-06-21 08:24 UTC
        assertNear("2024-06-20T20:51:00Z", Solstice.june(2024));
        assertNear("2025-06-21T02:42:00Z", Solstice.june(2025));
        assertNear("2026-06-21T08:24:00Z", Solstice.june(2026));
    }

    static void assertNear(String expected, java.time.Instant actual) {
        long diff = Math.abs(java.time.Duration.between(java.time.Instant.parse(expected), actual).toSeconds());
        assertTrue(diff < 180, "expected " + expected + " got " + actual);
    }

    @Test
    void calendarWithAdminChanges() {
        LocalDate election = LocalDate.of(2025, 11, 17); // a Monday, pretend an election moved here
        LocalDate removed = LocalDate.of(2025, 12, 8);
        BusinessCalendar cal = new BusinessCalendar(Map.of(
                election, new BusinessCalendar.Override(election, true, "Elecciones"),
                removed, new BusinessCalendar.Override(removed, false, null)));
        assertEquals("Elecciones", cal.holiday(election));
        assertFalse(cal.isBusinessDay(election));
        assertNull(cal.holiday(removed));
        assertTrue(cal.isBusinessDay(removed));
        assertEquals("Navidad", cal.holiday(LocalDate.of(2025, 12, 25)));
    }

    @Test
    void businessDayArithmetic() {
        BusinessCalendar cal = BusinessCalendar.rulesOnly();
        LocalDate friday = LocalDate.of(2026, 6, 26);
        assertEquals(LocalDate.of(2026, 6, 30), cal.nextBusinessDay(friday), "weekend and Monday Jun 29 skipped");
        assertEquals(LocalDate.of(2026, 7, 1), cal.addBusinessDays(friday, 2));
        assertEquals(LocalDate.of(2026, 7, 3), cal.addBusinessDays(friday, 4));
        assertEquals(LocalDate.of(2026, 9, 21), cal.nextBusinessDay(LocalDate.of(2026, 9, 17)), "Fiestas Patrias");
        assertEquals(LocalDate.of(2026, 12, 28), cal.nextBusinessDay(LocalDate.of(2026, 12, 24)));
        assertEquals(LocalDate.of(2027, 1, 4), cal.nextBusinessDay(LocalDate.of(2026, 12, 31)), "Jan 1 2027 Friday");
        assertEquals(friday, cal.sameOrNextBusinessDay(friday));
        assertEquals(LocalDate.of(2026, 6, 30), cal.sameOrNextBusinessDay(LocalDate.of(2026, 6, 27)));
    }
}
