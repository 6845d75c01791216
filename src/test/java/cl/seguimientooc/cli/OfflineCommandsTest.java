package cl.seguimientooc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.support.TestDatabase;
import cl.seguimientooc.support.TestReservations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on the database without the service: render for a reservation, import with progress. */
class OfflineCommandsTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(new Cli.Context(Path.of("").toAbsolutePath(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void renderUsesTheReservationsOwnData() throws Exception {
        String db = TestDatabase.newDatabase("oc_render");
        Map<String, String> env = Map.of("DATABASE_URL", db, "SMTP_FROM_EMAIL", "seguimiento@agencia.cl");
        Path csv = Files.writeString(dir.resolve("c.csv"), "nombre_agencia,requiere_oc,correos\nCliente Render,SI,compras@render.cl\n");
        Result imported = run(env, "import-clients", csv.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.err().contains("Importando clientes: 1 de 1 (100 %)"), imported.err());
        long clientId;
        try (Connection c = DriverManager.getConnection(db); var rs = c.createStatement().executeQuery(
                "SELECT id FROM client WHERE normalized_name = 'CLIENTE RENDER'")) {
            rs.next();
            clientId = rs.getLong(1);
        }
        TestReservations.pending(db, clientId, "Cliente Render", 1, Instant.parse("2026-07-06T13:30:00Z"));
        Path html = dir.resolve("solicitud.html");
        Result r = run(env, "render", "solicitud_inicial", "--reserva", "CLIENTERENDER0", "--salida", html.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Asunto: ") && r.out().contains("CLIENTERENDER0"), r.out());
        assertTrue(Files.readString(html).contains("Hotel Prueba"), "the reservation's hotel, not the sample's");
        Result missing = run(env, "render", "solicitud_inicial", "--reserva", "NO-EXISTE", "--salida", html.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("Error: ") && missing.err().contains("NO-EXISTE"), missing.err());
    }
}
