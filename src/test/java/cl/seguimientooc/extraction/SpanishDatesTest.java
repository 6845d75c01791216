package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanishDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jueves 27, nov. 2025              | 2025-11-27",
        "sábado 29, nov. 2025              | 2025-11-29",
        "sabado 29, nov 2025               | 2025-11-29",
        "SÁBADO 29, NOV. 2025              | 2025-11-29",
        "lunes, 24 de noviembre de 2025    | 2025-11-24",
        "Lunes 24 de Noviembre del 2025    | 2025-11-24",
        "miércoles 3, sep. 2025            | 2025-09-03",
        "miercoles 3, sept. 2025           | 2025-09-03",
        "3 set. 2025                       | 2025-09-03",
        "5 dic. 2025                       | 2025-12-05",
        "5 de diciembre de 2025            | 2025-12-05",
        "1 ene 2026                        | 2026-01-01",
        "domingo 1, feb. 2026              | 2026-02-01",
        "29 feb 2028                       | 2028-02-29",
        "31 de marzo de 2026               | 2026-03-31",
        "30 abr. 2026                      | 2026-04-30",
        "15 may 2026                       | 2026-05-15",
        "20 jun. 2026                      | 2026-06-20",
        "18 de julio de 2026               | 2026-07-18",
        "10 ago. 2026                      | 2026-08-10",
        "12 octubre 2026                   | 2026-10-12",
        "12 setiembre 2026                 | 2026-09-12",
        "27/11/2025                        | 2025-11-27",
        "7/1/2026                          | 2026-01-07",
        "27-11-2025                        | 2025-11-27",
        "27.11.2025                        | 2025-11-27",
        "27/11/25                          | 2025-11-27",
        "2025-11-27                        | 2025-11-27",
        "Check In: jueves 27, nov. 2025 Check Out: sábado 29, nov. 2025 | 2025-11-27",
    })
    void readsSpanishDates(String text, LocalDate expected) {
        assertEquals(expected, SpanishDates.find(text).orElseThrow().date());
    }

    @Test
    void warnsWhenPrintedWeekdayDisagrees() {
        var found = SpanishDates.find("viernes 27, nov. 2025").orElseThrow();
        assertEquals(LocalDate.of(2025, 11, 27), found.date());
        assertNotNull(found.warning());
        assertNull(SpanishDates.find("jueves 27, nov. 2025").orElseThrow().warning());
    }

    @Test
    void monthNamesInsideWordsAreNotDates() {
        assertTrue(SpanishDates.find("martes marzo mayo").isEmpty());
        assertTrue(SpanishDates.find("INMEDIATO").isEmpty());
        assertTrue(SpanishDates.find("Reserva 45215412").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 de febrero de 2026", "30/02/2026", "32/01/2026", "29 feb 2027"})
    void impossibleDatesAreErrors(String text) {
        assertThrows(DateTimeException.class, () -> SpanishDates.find(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "3:00 PM    | 15:00",
        "11:00 AM   | 11:00",
        "12:00 PM   | 12:00",
        "12:30 AM   | 00:30",
        "3:00 p.m.  | 15:00",
        "3 PM       | 15:00",
        "15:00      | 15:00",
        "14.30 hrs  | 14:30",
        "09:05      | 09:05",
    })
    void readsTimes(String text, LocalTime expected) {
        assertEquals(expected, SpanishDates.findTime(text).orElseThrow());
    }

    @Test
    void timeNeedsMinutesOrMeridiem() {
        assertTrue(SpanishDates.findTime("2 noches").isEmpty());
        assertThrows(DateTimeException.class, () -> SpanishDates.findTime("13:00 PM"));
    }
}
