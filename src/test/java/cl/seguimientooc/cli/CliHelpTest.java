package cl.seguimientooc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command explains itself in Spanish, and usage errors are Spanish too. */
class CliHelpTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(new Cli.Context(dir, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandExplainsItselfInSpanish() {
        Result top = run("--help");
        assertEquals(0, top.exit(), top.err());
        List<String> commands = List.of("run", "sandbox", "check-config", "extract", "import-clients", "export-clients",
                "reprocess", "test-imap", "test-smtp", "render");
        for (String c : commands) {
            assertTrue(top.out().contains("  " + c + " "), "listed: " + c + "\n" + top.out());
        }
        assertTrue(top.out().startsWith("Uso: seguimiento-oc") && top.out().contains("Comandos:"), top.out());
        for (String c : commands) {
            Result help = run(c, "--help");
            assertEquals(0, help.exit(), c + ": " + help.err());
            assertTrue(help.out().startsWith("Uso: seguimiento-oc " + c) && help.out().contains("--ayuda")
                    && help.out().contains("Muestra esta ayuda"), help.out());
            assertTrue(!help.out().contains("Usage:") && !help.out().contains("Show this help")
                    && !help.out().contains("Options:"), "no English: " + help.out());
        }
        assertEquals(0, run("render", "-h").exit());
    }

    @Test
    void usageErrorsAreSpanishWithExitCode2() {
        Result unknown = run("exportar-todo");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("argumento desconocido: exportar-todo"), unknown.err());
        Result missing = run("test-smtp");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("falta") && missing.err().contains("--to"), missing.err());
        Result badNumber = run("sandbox", "--puerto", "ocho");
        assertEquals(2, badNumber.exit());
        assertTrue(badNumber.err().contains("valor no válido"), badNumber.err());
        assertEquals(2, run("reprocess").exit(), "ids or --errores");
    }
}
