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
}
