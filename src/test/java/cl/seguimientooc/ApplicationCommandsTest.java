package cl.seguimientooc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as an operator runs them: a separate JVM, a working directory, environment and exit code. */
class ApplicationCommandsTest {

    @TempDir
    Path workDir;

    record Run(int exit, String out, String err) {
    }

    static Run run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAP_") || k.startsWith("DAYS_") || k.equals("DATABASE_URL")
                || k.startsWith("WEB_") || k.startsWith("ADMIN_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "command finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void checkConfigAcceptsAnEmptyConfiguration() throws Exception {
        Run r = run(workDir, Map.of(), "check-config");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Buzón de confirmaciones: no configurado"), r.out());
    }

    @Test
    void invalidSettingsStopWithTheKeyAndExitCode2() throws Exception {
        Files.writeString(workDir.resolve(".env"), "DAYS_FOR_REMINDER_1=4\nDAYS_FOR_REMINDER_2=2\nIMAP_PASSWORD=no-mostrar\n");
        Run r = run(workDir, Map.of("IMAP_PORT", "abc"), "check-config");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("IMAP_PORT=abc"), r.err());
        assertTrue(r.err().contains("DAYS_FOR_REMINDER_2=2"), r.err());
        assertTrue(!r.err().contains("no-mostrar") && !r.out().contains("no-mostrar"), "secrets never printed");

        Run start = run(workDir, Map.of("DATABASE_URL", "postgresql://sin-base"), "run");
        assertEquals(2, start.exit(), "the service refuses to start");
        assertTrue(start.err().contains("DATABASE_URL"), start.err());
    }

    @Test
    void listeningBeyondLoopbackWithoutAPasswordIsRefused() throws Exception {
        Run r = run(workDir, Map.of("WEB_HOST", "0.0.0.0"), "check-config");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("ADMIN_PASSWORD=: vacía") && r.err().contains("WEB_HOST=127.0.0.1"), r.err());
        assertEquals(0, run(workDir, Map.of("WEB_HOST", "0.0.0.0", "ADMIN_PASSWORD", "una-clave"), "check-config").exit());
        assertEquals(0, run(workDir, Map.of("WEB_HOST", "127.0.0.1"), "check-config").exit());
    }

    @Test
    void extractPrintsOneJsonObjectPerFile() throws Exception {
        Path sample = Path.of("src/test/resources/fixtures/hotelsales-resumen-de-servicios.pdf").toAbsolutePath();
        Path notPdf = Files.writeString(workDir.resolve("nota.pdf"), "no soy un PDF");
        Run r = run(Path.of("").toAbsolutePath(), Map.of(), "extract", sample.toString(), notPdf.toString());
        assertEquals(1, r.exit(), "one file failed");
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains("\"id_reserva\":\"45215412\"") && lines.get(0).contains("\"monto_total\":528701.00"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"ok\":false") && lines.get(1).contains("NOT_A_PDF"), lines.get(1));

        Run withText = run(Path.of("").toAbsolutePath(), Map.of(), "extract", "--text", sample.toString());
        assertEquals(0, withText.exit());
        assertTrue(withText.out().contains("\"texto\":\"Resumen de servicios"), withText.out());
    }

    @Test
    void importClientsIsIdempotentAndExportWritesTheSameShape() throws Exception {
        String db = cl.seguimientooc.support.TestDatabase.newDatabase("oc_cli");
        Map<String, String> env = Map.of("DATABASE_URL", db);
        Path csv = Path.of("src/test/resources/fixtures/clientes.csv").toAbsolutePath();
        Run first = run(workDir, env, "import-clients", csv.toString());
        assertEquals(0, first.exit(), first.err() + first.out());
        assertTrue(first.out().contains("\"creados\" : 76"), first.out());
        assertTrue(first.err().contains("Importando clientes: 76 de 76 (100 %)"), "progress lines off a terminal: " + first.err());
        Run second = run(workDir, env, "import-clients", csv.toString());
        assertTrue(second.out().contains("\"creados\" : 0") && second.out().contains("\"sin_cambios\" : 76"), second.out());
        Run export = run(workDir, env, "export-clients");
        assertEquals(0, export.exit(), export.err());
        assertTrue(export.out().startsWith("nombre_agencia,requiere_oc,correos"), export.out());
        assertTrue(export.out().contains("WALVIS S.A.,NO,"), export.out());
        Run reprocess = run(workDir, env, "reprocess", "--errores");
        assertEquals(0, reprocess.exit(), reprocess.err());
    }

    @Test
    void renderWritesATemplateWithSampleDataWithoutADatabase() throws Exception {
        Run r = run(Path.of("").toAbsolutePath(), Map.of(), "render", "recordatorio", "--muestra", "--salida",
                workDir.resolve("r.html").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Asunto: ") && r.out().contains("HTML: " + workDir.resolve("r.html")), r.out());
        assertTrue(Files.readString(workDir.resolve("r.html")).contains("<html"), "the HTML body");
        Run unknown = run(Path.of("").toAbsolutePath(), Map.of(), "render", "no_existe", "--muestra");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("plantilla desconocida «no_existe»") && unknown.err().contains("recordatorio"), unknown.err());
        Run both = run(Path.of("").toAbsolutePath(), Map.of(), "render", "recordatorio", "--muestra", "--reserva", "1");
        assertEquals(2, both.exit(), "one source only: " + both.err());
    }

    @Test
    void aBrokenMailTemplateStopsStartupWithItsFileAndLine() throws Exception {
        Files.createDirectories(workDir.resolve("routes"));
        Path templates = Files.createDirectories(workDir.resolve("templates"));
        Files.writeString(templates.resolve("ultimatum.txt.ftl"), "Hola\n${reserva.sinCampo}\n");
        Run r = run(workDir, Map.of("DATABASE_URL", cl.seguimientooc.support.TestDatabase.newDatabase("oc_tpl"),
                "WEB_PORT", String.valueOf(cl.seguimientooc.support.Ports.free())), "run");
        assertTrue(r.exit() != 0, "startup refused");
        String all = r.out() + r.err();
        assertTrue(all.contains("ultimatum.txt.ftl") && all.contains("línea 2"), all);
    }
}
