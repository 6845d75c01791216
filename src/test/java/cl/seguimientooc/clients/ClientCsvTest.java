package cl.seguimientooc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.store.ClientStore.ClientInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCsvTest {

    @Test
    void readsTheAgencysRealFile() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/fixtures/clientes.csv"));
        ClientCsv.Parsed parsed = ClientCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        assertEquals(76, parsed.clients().size());
        ClientInput walvis = parsed.clients().stream().filter(c -> c.name().equals("WALVIS S.A.")).findFirst().orElseThrow();
        assertEquals(false, walvis.requiresOc());
        assertNull(walvis.contactTo(), "no e-mail column: contacts left as they are");
    }

    @Test
    void optionalColumnsQuotesSemicolonsAndBom() {
        String csv = "\uFEFFnombre_agencia;requiere_oc;correos;correos_cc;activo;alias;notas\n"
                + "\"Pérez; Hijos y Cía\";sí;compras@perez.cl, jefe@perez.cl;;NO;Perez Hnos|PyH;\"dice \"\"urgente\"\"\"\n";
        ClientCsv.Parsed parsed = ClientCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        ClientInput c = parsed.clients().get(0);
        assertEquals("Pérez; Hijos y Cía", c.name());
        assertEquals(true, c.requiresOc());
        assertEquals(List.of("compras@perez.cl", "jefe@perez.cl"), c.contactTo());
        assertNull(c.contactCc());
        assertEquals(false, c.active());
        assertEquals(List.of("Perez Hnos", "PyH"), c.aliases());
        assertEquals("dice \"urgente\"", c.notes());
    }

    @Test
    void badLinesAreReportedWithTheirNumberAndTheRestIsRead() {
        String csv = "nombre_agencia,requiere_oc,correos\nA,SI,\n,NO,\nB,QUIZAS,\nC,NO,no-es-correo\nD,no,\n";
        ClientCsv.Parsed parsed = ClientCsv.parse(csv);
        assertEquals(List.of("A", "D"), parsed.clients().stream().map(ClientInput::name).toList());
        assertEquals(List.of(3, 4, 5), parsed.errors().stream().map(ClientCsv.LineError::line).toList());
        assertTrue(parsed.errors().get(1).message().contains("QUIZAS"));
        assertTrue(parsed.errors().get(2).message().contains("no-es-correo"));
    }

    @Test
    void missingColumnsOrEmptyFileAreOneClearError() {
        assertTrue(ClientCsv.parse("").errors().get(0).message().contains("vacío"));
        assertTrue(ClientCsv.parse("agencia_nombre,x\nA,SI\n").errors().get(0).message().contains("nombre_agencia"));
    }

    @Test
    void exportRoundTrips() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nombre_agencia", "Pérez, Hijos");
        row.put("requiere_oc", "SI");
        row.put("correos", "a@p.cl;b@p.cl");
        row.put("correos_cc", "");
        row.put("activo", "SI");
        row.put("alias", "PH");
        row.put("notas", "");
        String csv = ClientCsv.write(List.of(row));
        ClientInput back = ClientCsv.parse(csv).clients().get(0);
        assertEquals("Pérez, Hijos", back.name());
        assertEquals(List.of("a@p.cl", "b@p.cl"), back.contactTo());
        assertEquals(List.of("PH"), back.aliases());
    }

    @Test
    void theEarlierSystemsTableImportsItsContactsAndReportsEveryColumnItDoesNotUse() {
        // configuracion_clientes as the earlier system exported it: email_contacto was silently dropped before.
        String csv = "id,nombre_agencia,email_contacto,telefono_contacto,requiere_oc,activo,dias_recordatorio_1,"
                + "dias_recordatorio_2,notas,fecha_creacion,fecha_actualizacion,color\n"
                + "7,WALVIS S.A.,compras@walvis.cl,+56 2 2345 6789,true,true,2,4,cliente antiguo,2025-12-01,2025-12-09,azul\n"
                + "8,SOPROLE S.A.,,,false,true,2,4,,2025-12-01,2025-12-09,,sobra\n"
                + "9,LENTOS SPA,pagos@lentos.cl,,true,true,3,6,,2025-12-01,2025-12-09,\n";
        ClientCsv.Parsed parsed = ClientCsv.parse(csv);
        assertEquals(List.of(), parsed.errors());
        ClientInput walvis = parsed.clients().get(0);
        assertEquals(List.of("compras@walvis.cl"), walvis.contactTo(), "email_contacto is the contact column");
        assertEquals(true, walvis.requiresOc());
        assertEquals("cliente antiguo", walvis.notes());
        assertTrue(walvis.ladder().isDefault(), "2 and 4 were the earlier system's defaults, not the client's choice");
        ClientInput slow = parsed.clients().get(2);
        assertEquals(Map.of("recordatorio", 3, "ultimatum", 6), slow.ladder().days(), "its own days are kept");
        List<String> warned = parsed.warnings().stream().map(w -> w.line() + " " + w.message()).toList();
        for (String column : List.of("dias_recordatorio_1", "dias_recordatorio_2")) {
            assertTrue(warned.stream().anyMatch(w -> w.startsWith("1 columna «" + column + "» (sistema anterior) se importa")),
                    column + " reported as imported, with what is not kept: " + warned);
        }
        for (String column : List.of("id", "telefono_contacto", "fecha_creacion", "fecha_actualizacion", "color")) {
            assertTrue(warned.stream().anyMatch(w -> w.startsWith("1 columna «" + column + "» no se importó")),
                    column + " reported: " + warned);
        }
        assertTrue(warned.stream().anyMatch(w -> w.startsWith("3 ") && w.contains("«sobra»")), "extra cell, by line: " + warned);
        assertEquals(8, warned.size(), warned.toString());
    }

    @Test
    void ladderColumns() {
        ClientCsv.Parsed parsed = ClientCsv.parse("nombre_agencia,requiere_oc,escalera,dias_escalera,omitir_niveles\n"
                + "A,SI,cortesia,recordatorio=3;ultimatum=5,\n"
                + "B,SI,,,ultimatum\n"
                + "C,SI,,recordatorio=tres,\n"
                + "D,SI,,,\n");
        assertEquals(1, parsed.errors().size(), parsed.errors().toString());
        assertEquals(4, parsed.errors().get(0).line());
        assertTrue(parsed.errors().get(0).message().startsWith("«C»: días de escalera «recordatorio=tres» no válidos"));
        assertEquals(new cl.seguimientooc.ladder.ClientLadder("cortesia", Map.of("recordatorio", 3, "ultimatum", 5), List.of()),
                parsed.clients().get(0).ladder());
        assertEquals(List.of("ultimatum"), parsed.clients().get(1).ladder().drop());
        assertTrue(parsed.clients().get(2).ladder().isDefault(), "empty cells: back to the default ladder");
        assertEquals(null, ClientCsv.parse("nombre_agencia,requiere_oc\nA,SI\n").clients().get(0).ladder(),
                "a file without ladder columns leaves each client's ladder as it is");
    }

    @Test
    void theExcelHeaderIsUnderstoodToo() {
        ClientCsv.Parsed parsed = ClientCsv.parse("NOMBRE AGENCIA,OC\nTRICOLOR,NO\n");
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(), parsed.warnings());
        assertEquals("TRICOLOR", parsed.clients().get(0).name());
    }

    @Test
    void formulasAreNeutralisedOnExportAndComeBackUnchanged() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nombre_agencia", "=HYPERLINK(\"http://x\",\"clic\")");
        row.put("requiere_oc", "SI");
        row.put("correos", "");
        row.put("correos_cc", "");
        row.put("activo", "SI");
        row.put("alias", "@SUM(1+1)");
        row.put("notas", "-2+3");
        String csv = ClientCsv.write(List.of(row));
        String line = csv.lines().toList().get(1);
        for (String cell : ClientCsv.split(line, ',')) {
            assertTrue(cell.isEmpty() || "=+-@".indexOf(cell.charAt(0)) < 0, "no cell starts a formula: " + line);
        }
        ClientInput back = ClientCsv.parse(csv).clients().get(0);
        assertEquals("=HYPERLINK(\"http://x\",\"clic\")", back.name());
        assertEquals(List.of("@SUM(1+1)"), back.aliases());
        assertEquals("-2+3", back.notes());
    }
}
