package cl.seguimientooc.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LadderConfigTest {

    static final Function<String, String> SETTINGS = k -> switch (k) {
        case "days.for.reminder.1" -> "2";
        case "days.for.reminder.2" -> "4";
        default -> null;
    };

    static final String BASE = """
            levels:
              - {name: solicitud_inicial, template: solicitud_inicial}
              - {name: recordatorio, days: 2, from: request, template: recordatorio}
              - {name: ultimatum, days: 4, from: request, template: ultimatum}
              - {name: suspension, days: 1, from: ultimatum, action: suspend, warned_by: ultimatum, template: aviso_suspension}
            """;

    static LadderConfig parse(String yaml) {
        return LadderConfig.parse(yaml, SETTINGS, "prueba.yaml");
    }

    static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theBundledFileIsTodaysLadder() throws Exception {
        LadderConfig bundled = LadderConfig.load(Path.of("no-existe.yaml"), SETTINGS);
        LadderConfig repo = LadderConfig.load(Path.of("ladder.yaml"), SETTINGS);
        for (LadderConfig c : List.of(bundled, repo)) {
            Ladder l = c.defaults();
            assertEquals("solicitud_inicial, recordatorio, ultimatum, suspension", l.names());
            assertEquals(2, l.level("recordatorio").days());
            assertEquals(4, l.level("ultimatum").days());
            assertEquals(Level.Recipients.ADMIN, l.level("suspension").to());
            assertTrue(l.level("suspension").suspends());
            assertEquals(Level.Recipients.CLIENT, l.first().to());
            assertEquals(List.of("solicitud_inicial", "recordatorio", "ultimatum", "aviso_suspension"), List.copyOf(c.templates()));
        }
        assertTrue(bundled.source().contains("incluida"));
        assertEquals(Files.readString(Path.of("ladder.yaml")).contains("sin_suspension"), repo.variantNames().contains("sin_suspension"));
    }

    @Test
    void settingsFillTheDays() {
        LadderConfig c = LadderConfig.parse(BASE.replace("days: 2,", "days: {{days.for.reminder.2}},"), SETTINGS, "x");
        assertEquals(4, c.defaults().level("recordatorio").days());
        assertTrue(error(BASE.replace("days: 2,", "days: {{no.existe}},")).contains("«{{no.existe}}» no es una clave"));
    }

    @Test
    void mistakesAreReportedWithTheLevelAndTheReason() {
        assertTrue(error("levels: []").contains("no tiene niveles"));
        assertTrue(error("levels: 3").contains("«levels» debe ser una lista"));
        assertTrue(error("[1, 2]").contains("se espera «levels:»"));
        assertTrue(error("levels: [ {name: a, template: a} ").contains("YAML no válido"));
        assertTrue(error(BASE + "otra: 1\n").contains("clave «otra» desconocida en la raíz"));
        assertTrue(error(BASE.replace("template: recordatorio}", "template: recordatorio, dias: 3}"))
                .contains("clave «dias» desconocida en el nivel «recordatorio»"));
        assertTrue(error(BASE.replace("{name: recordatorio, days: 2,", "{name: ultimatum, days: 2,")).contains("repetido"));
        assertTrue(error(BASE.replace("name: recordatorio,", "name: Recordatorio-2,")).contains("no válido"));
        assertTrue(error(BASE.replace("days: 2,", "days: 0,")).contains("entre 1 y 60"));
        assertTrue(error(BASE.replace("days: 2,", "days: 61,")).contains("entre 1 y 60"));
        assertTrue(error(BASE.replace("days: 2,", "days: dos,")).contains("«days» debe ser un número"));
        assertTrue(error(BASE.replace("{name: solicitud_inicial, template: solicitud_inicial}",
                "{name: solicitud_inicial, days: 1, template: solicitud_inicial}")).contains("no lleva «days»"));
        assertTrue(error(BASE.replace("from: ultimatum, action", "from: suspension, action")).contains("«from: suspension»"));
        assertTrue(error(BASE.replace("from: request, template: recordatorio", "from: ultimatum, template: recordatorio"))
                .contains("debe ser request, previous o un nivel anterior"));
        assertTrue(error(BASE.replace("warned_by: ultimatum", "warned_by: nadie")).contains("«warned_by: nadie»"));
        assertTrue(error(BASE.replace("action: suspend", "action: borrar")).contains("debe ser notify, suspend"));
        assertTrue(error(BASE.replace("template: recordatorio}", "template: recordatorio, to: todos}"))
                .contains("«to: todos» debe ser client, cc, admin"));
        assertTrue(error(BASE.replace(", template: recordatorio}", "}")).contains("falta «template»"));
        assertTrue(error(BASE.replace("template: recordatorio}", "template: ../secreto}")).contains("plantilla «../secreto» no válida"));
        String notLast = BASE + "  - {name: tarde, days: 1, template: recordatorio}\n";
        assertTrue(error(notLast).contains("la suspensión debe ser el último nivel"));
        assertTrue(error(BASE.replace("{name: solicitud_inicial, template: solicitud_inicial}",
                "{name: solicitud_inicial, action: suspend}")).contains("no puede suspender"));
    }

    @Test
    void aSuspensionMayNotifyNobody() {
        LadderConfig c = parse(BASE.replace(", template: aviso_suspension}", "}"));
        assertNull(c.defaults().suspension().template());
        assertEquals(List.of("solicitud_inicial", "recordatorio", "ultimatum"), List.copyOf(c.templates()));
    }

    @Test
    void variantsAddDropAndChangeDays() {
        LadderConfig c = parse(BASE + """
                variants:
                  cortesia:
                    add:
                      - {name: cortesia, days: 1, from: ultimatum, template: cortesia, to: cc}
                  temprano:
                    add:
                      - {before: recordatorio, name: aviso_previo, days: 1, from: request, template: previo}
                    days: {recordatorio: 3}
                  suave:
                    drop: [ultimatum]
                """);
        assertEquals("solicitud_inicial, recordatorio, ultimatum, cortesia, suspension",
                c.ladderFor(new ClientLadder("cortesia", null, null)).names(), "added before the suspension, which stays last");
        Ladder early = c.ladderFor(new ClientLadder("temprano", null, null));
        assertEquals("solicitud_inicial, aviso_previo, recordatorio, ultimatum, suspension", early.names());
        assertEquals(3, early.level("recordatorio").days());
        assertEquals("solicitud_inicial, recordatorio", c.ladderFor(new ClientLadder("suave", null, null)).names(),
                "no ultimatum, so no suspension");
        assertEquals(List.of("solicitud_inicial", "recordatorio", "ultimatum", "aviso_suspension", "cortesia", "previo"),
                List.copyOf(c.templates()));
        assertTrue(c.levelNames().containsAll(List.of("cortesia", "aviso_previo")));
        assertTrue(error(BASE + "variants:\n  default: {drop: [ultimatum]}\n").contains("variante «default» no válido"));
        assertTrue(error(BASE + "variants:\n  x: {drop: [nada]}\n").contains("variante «x»: no existe el nivel «nada»"));
        assertTrue(error(BASE + "variants:\n  x: {add: [{after: nada, name: y, days: 1, template: y}]}\n")
                .contains("no existe el nivel «nada»"));
        assertTrue(error(BASE + "variants:\n  x: {quitar: [ultimatum]}\n").contains("clave «quitar» desconocida"));
    }

    @Test
    void aClientsOwnChanges() {
        LadderConfig c = parse(BASE);
        assertSame(c.defaults(), c.ladderFor(ClientLadder.NONE));
        assertSame(c.defaults(), c.ladderFor(null));
        Ladder own = c.ladderFor(new ClientLadder(null, Map.of("recordatorio", 3, "ultimatum", 6), List.of()));
        assertEquals(3, own.level("recordatorio").days());
        assertEquals(6, own.level("ultimatum").days());
        assertSame(own, c.ladderFor(new ClientLadder(null, Map.of("ultimatum", 6, "recordatorio", 3), List.of())), "cached");
        assertEquals("solicitud_inicial, ultimatum, suspension",
                c.ladderFor(new ClientLadder(null, Map.of(), List.of("recordatorio"))).names());
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> c.ladderFor(new ClientLadder("vip", Map.of(), List.of()))).getMessage();
        assertTrue(unknown.contains("la escalera «vip» no existe") && unknown.contains("variantes: ninguna"), unknown);
        for (ClientLadder bad : List.of(new ClientLadder(null, Map.of(), List.of("solicitud_inicial")),
                new ClientLadder(null, Map.of("nada", 2), List.of()), new ClientLadder(null, Map.of("recordatorio", 0), List.of()),
                new ClientLadder(null, Map.of("ultimatum", 3), List.of("ultimatum")),
                new ClientLadder(null, Map.of("solicitud_inicial", 1), List.of()))) {
            assertThrows(IllegalArgumentException.class, () -> c.ladderFor(bad), bad.toString());
        }
    }

    @Test
    void csvCells() {
        assertEquals(Map.of("recordatorio", 3, "ultimatum", 5), ClientLadder.parseDays(" recordatorio=3; ULTIMATUM = 5 ;"));
        assertEquals(Map.of(), ClientLadder.parseDays(""));
        for (String bad : List.of("recordatorio", "recordatorio=tres", "=3", "recordatorio=-1", "recordatorio=1234")) {
            assertThrows(IllegalArgumentException.class, () -> ClientLadder.parseDays(bad), bad);
        }
        assertEquals(List.of("ultimatum", "recordatorio"), ClientLadder.parseNames("Ultimatum; recordatorio,"));
        assertEquals("recordatorio=3;ultimatum=5", new ClientLadder(null, Map.of("ultimatum", 5, "recordatorio", 3), null).daysCell());
        assertTrue(new ClientLadder(" ", null, null).isDefault());
    }

    @Test
    void legacyNames() {
        assertEquals("recordatorio", LegacyNames.current("recordatorio_dia2"));
        assertEquals("ultimatum", LegacyNames.current(" ultimatum_dia4 "));
        assertEquals("cortesia", LegacyNames.current("cortesia"));
        assertEquals("recordatorio_dia2", LegacyNames.old("recordatorio"));
        assertNull(LegacyNames.old("cortesia"));
    }
}
