package cl.seguimientooc.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cl.seguimientooc.ladder.BusinessCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's small pure parts: redirects after login, CSV cells, business-day ages, chart widths. */
class PagesLogicTest {

    @Test
    void afterLoginOnlyALocalPathIsFollowed() {
        assertEquals("/reservas?estado=pendiente", Forms.localTarget("/reservas?estado=pendiente"));
        for (String evil : new String[] {null, "", "https://otro.example/", "//otro.example", "/\\otro.example", "reservas",
                "/a b", "/\u0000x", "/" + "a".repeat(600)}) {
            assertEquals("/", Forms.localTarget(evil), String.valueOf(evil));
        }
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertEquals("Hotel Plaza", ReservationExport.cell("Hotel Plaza"));
        assertEquals("\"Hotel; Plaza\"", ReservationExport.cell("Hotel; Plaza"));
        assertEquals("\"Dice \"\"hola\"\"\"", ReservationExport.cell("Dice \"hola\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ReservationExport.cell("=HYPERLINK(\"x\")"), "neutralised, then quoted");
        assertEquals("'+56 9 1234", ReservationExport.cell("+56 9 1234"));
        assertEquals("'-1", ReservationExport.cell("-1"));
        assertEquals("'@SUM(A1)", ReservationExport.cell("@SUM(A1)"));
        assertEquals("", ReservationExport.cell(null));
    }

    @Test
    void pendingAgeCountsBusinessDaysOnly() {
        BusinessCalendar cal = BusinessCalendar.rulesOnly();
        // Friday 2026-09-11 → Monday 2026-09-21: 14-17 Mon–Thu, then 18 and 19 are Fiestas Patrias, 21 Monday
        assertEquals(5, cl.seguimientooc.ladder.PendingAges.businessDaysBetween(LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 21), cal));
        assertEquals(0, cl.seguimientooc.ladder.PendingAges.businessDaysBetween(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 6), cal), "a weekend");
        assertEquals(12, cl.seguimientooc.ladder.PendingAges.businessDaysBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 1), cal), "capped");
        var ages = Dashboard.ages(Map.of("pendientes_por_inicio", List.of(
                Map.of("dia", "2026-11-30", "n", 3), Map.of("dia", "2026-11-25", "n", 2) /* Wed: 4 business days */, Map.of("dia", "2026-01-05", "n", 7))),
                LocalDate.of(2026, 12, 1), cal);
        assertEquals(List.of(3L, 0L, 2L, 0L, 7L), ages.stream().map(a -> ((Number) a.get("n")).longValue()).toList());
        assertEquals(List.of(43L, 0L, 29L, 0L, 100L), ages.stream().map(a -> ((Number) a.get("ancho")).longValue()).toList());
    }

    @Test
    void auditDetailsReadAsText() {
        assertEquals("motivo: cliente de vacaciones · hasta: null", Timeline.details(new java.util.LinkedHashMap<>(
                java.util.Map.of("motivo", "cliente de vacaciones")) {{ put("hasta", null); }}));
        assertEquals("candidatos: [\"A1\",\"B2\"]", Timeline.details(Map.of("candidatos", List.of("A1", "B2"))));
        assertEquals("", Timeline.details(null));
    }
}
