package cl.seguimientooc.mailout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChileanFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "528701.00|CLP|$528.701",
        "528701|clp|$528.701",
        "1234567|CLP|$1.234.567",
        "999|CLP|$999",
        "0|CLP|$0",
        "1234.5|CLP|$1.235",
        "1234.56|USD|US$1.234,56",
        "1234.5|USD|US$1.234,50",
        "980.5|EUR|€980,50",
        "1000000.00|EUR|€1.000.000,00",
        "-15000|CLP|-$15.000",
        "12.3|PEN|PEN 12,30",
    })
    void money(String amount, String currency, String expected) {
        assertEquals(expected, ChileanFormat.money(new BigDecimal(amount), currency));
    }

    @Test
    void dates() {
        assertEquals("lunes 12 de octubre de 2026", ChileanFormat.longDate(LocalDate.of(2026, 10, 12)));
        assertEquals("martes 13 de octubre de 2026", ChileanFormat.longDate(LocalDate.of(2026, 10, 13)));
        assertEquals("miércoles 1 de julio de 2026", ChileanFormat.longDate(LocalDate.of(2026, 7, 1)));
        assertEquals("sábado 29 de noviembre de 2025", ChileanFormat.longDate(LocalDate.of(2025, 11, 29)));
        assertEquals("", ChileanFormat.longDate(null));
        assertEquals("06-07-2026", ChileanFormat.shortDate(LocalDate.of(2026, 7, 6)));
        assertEquals("15:00", ChileanFormat.time(LocalTime.of(15, 0)));
        assertEquals("", ChileanFormat.money(null, "CLP"));
    }
}
