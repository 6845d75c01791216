package cl.seguimientooc.mailout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.mailout.LadderMailModel.ReservationView;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTest {

    static final MailTemplates TEMPLATES = new MailTemplates(Path.of("templates"));
    static final List<String> KINDS = List.of("solicitud_inicial", "recordatorio", "ultimatum", "aviso_suspension",
            "aviso_oc_suspendida", "acuse_oc");

    @Test
    void allTemplatesRenderTheSample() {
        assertEquals(List.of(), TEMPLATES.check(KINDS, LadderMailModel.sample()));
    }

    @Test
    void oldTemplateNamesKeepWorking(@TempDir Path dir) throws Exception {
        for (String part : MailTemplates.PARTS) {
            Files.writeString(dir.resolve("recordatorio_dia2" + part), "viejo " + part);
        }
        MailTemplates customised = new MailTemplates(dir);
        assertEquals("recordatorio_dia2", customised.resolve("recordatorio"), "a customised old file wins over the bundled new one");
        assertEquals("viejo .asunto.ftl", customised.render("recordatorio", LadderMailModel.sample()).subject());
        assertEquals("ultimatum", customised.resolve("ultimatum_dia4"), "an old name in ladder.yaml or the API");
        assertTrue(TEMPLATES.render("ultimatum_dia4", LadderMailModel.sample()).subject().startsWith("Último aviso"));
        Files.writeString(dir.resolve("recordatorio.html.ftl"), "nuevo");
        assertEquals("recordatorio", customised.resolve("recordatorio"), "the new name wins once it exists");
    }

    @Test
    void ultimatumShowsEverythingInChileanFormat() {
        MailTemplates.Rendered r = TEMPLATES.render("ultimatum_dia4", LadderMailModel.of(new ReservationView("45215412",
                "AAFTTAT", "723113", "WALVIS S.A.", "Hampton by Hilton Santiago Las Condes", LocalDate.of(2026, 7, 6),
                LocalDate.of(2026, 7, 8), new BigDecimal("528701.00"), "CLP", List.of("UNO PRUEBA")), "oc@agencia.cl",
                "Seguimiento OC", "seguimiento@agencia.cl", LocalDate.of(2026, 6, 26), LocalDateTime.of(2026, 7, 6, 18, 0)));
        assertEquals("Último aviso: Orden de Compra - Reserva 45215412 - LOC AAFTTAT - suspensión el 06-07-2026", r.subject());
        for (String body : List.of(r.html(), r.text())) {
            assertTrue(body.contains("$528.701"), body);
            assertTrue(body.contains("lunes 6 de julio de 2026"), "check-in and suspension date");
            assertTrue(body.contains("viernes 26 de junio de 2026"), "request date");
            assertTrue(body.contains("18:00"));
            assertTrue(body.contains("oc@agencia.cl"));
            assertTrue(body.contains("OC Reserva 45215412 - LOC AAFTTAT"), "what to put in the subject");
            assertTrue(body.contains("723113"));
        }
        assertTrue(r.html().startsWith("<!DOCTYPE html>") || r.html().strip().startsWith("<!DOCTYPE html>"));
        assertFalse(r.text().contains("<"), "plain text has no markup");
    }

    @Test
    void optionalFieldsMissingStillRender() {
        Map<String, Object> model = LadderMailModel.of(new ReservationView("AAFTTAT", "AAFTTAT", null, "X", null, null,
                null, new BigDecimal("1234.56"), "USD", null), "oc@agencia.cl", "Seguimiento OC", null, null, null);
        for (String kind : KINDS) {
            MailTemplates.Rendered r = TEMPLATES.render(kind, model);
            assertFalse(r.text().contains("Localizador"), "empty lines left out");
            assertFalse(r.text().contains("Hotel:"));
            assertTrue(r.text().contains("US$1.234,56"));
        }
    }

    @Test
    void aBrokenTemplateIsReportedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("recordatorio.html.ftl"), "<p>hola</p>\n<p>${reserva.noExiste}</p>\n");
        List<String> problems = new MailTemplates(dir).check(KINDS, LadderMailModel.sample());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("recordatorio.html.ftl") && problems.get(0).contains("línea 2"), problems.get(0));
    }

    /** Every text field of a PDF (and the sender settings) carries markup; none of it reaches the HTML raw. */
    @Test
    void everyTextFromAPdfIsEscapedInHtmlAndKeptAsIsInPlainText() {
        String evil = "<script>alert(1)</script><a href=\"http://phish.example\">clic</a>\"'&";
        Map<String, Object> model = LadderMailModel.of(new ReservationView("ID" + evil, "LOC" + evil, "LZ" + evil,
                "AG" + evil, "HT" + evil, LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 8), new BigDecimal("1000"), "CLP",
                List.of("HU" + evil, "HU2" + evil), "FONO" + evil), "oc@agencia.cl", "REM" + evil, "seguimiento@agencia.cl",
                LocalDate.of(2026, 6, 26), LocalDateTime.of(2026, 7, 6, 18, 0));
        for (String kind : KINDS) {
            MailTemplates.Rendered r = TEMPLATES.render(kind, model);
            assertFalse(r.html().contains("<script>"), kind + ": no script tag");
            assertFalse(r.html().contains("<a href=\"http://phish.example\">"), kind + ": no injected link");
            assertFalse(r.html().contains("\"'&<"), kind + ": quotes and ampersands escaped");
            assertTrue(r.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), kind + " shows the text escaped");
            assertTrue(r.html().contains("&quot;"), kind);
            assertTrue(r.text().contains("<script>alert(1)</script>"), kind + ": plain text is not HTML-escaped");
            assertFalse(r.subject().contains("\n"), kind);
        }
    }
}
