package cl.seguimientooc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.support.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox} as a newcomer runs it, in its own JVM from a directory with nothing in it: the
 * story plays (intake, request, reminder, an OC that stops one ladder, the ultimatum), the dashboard
 * answers with the printed login, the console takes orders, and Ctrl+C (SIGTERM) leaves nothing behind.
 */
class SandboxTest {

    @TempDir
    Path empty;

    @Test
    void theWholeProductInOneCommand() throws Exception {
        int web = Ports.free();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Application.class.getName(), "sandbox", "--puerto", String.valueOf(web),
                "--imap-puerto", String.valueOf(Ports.free()), "--smtp-puerto", String.valueOf(Ports.free()), "--pausa", "0",
                "--reservas", "8");
        ProcessBuilder pb = new ProcessBuilder(command).directory(empty.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAP_") || k.startsWith("SMTP_") || k.equals("DATABASE_URL")
                || k.startsWith("WEB_") || k.startsWith("ADMIN_") || k.startsWith("OC_"));
        Process p = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        try {
            waitFor(lines, seen, "Sandbox listo", 180);
            String all = String.join("\n", seen);
            assertFalse(all.contains(" INFO "), "only warnings and the story on the console: " + all);
            assertTrue(all.contains("1. Ingreso: el servicio leyó 8 reservas"), all);
            assertTrue(all.contains("2. Solicitud: la escalera envió 6 solicitud_inicial"), all);
            assertTrue(all.contains("3. Pasan dos días hábiles") && all.contains("envió 6 recordatorio"), all);
            assertTrue(all.contains("La reserva 70000001 quedó «recibida»"), all);
            assertTrue(all.contains("envió 5 ultimatum"), "the reservation with its OC gets no ultimatum: " + all);
            waitFor(lines, seen, "=====", 10);
            all = String.join("\n", seen);
            Matcher login = Pattern.compile("contraseña «([^»]+)»").matcher(all);
            assertTrue(login.find(), all);
            Matcher dir = Pattern.compile("Preparando el sandbox en (\\S+) ").matcher(all);
            assertTrue(dir.find(), all);
            JsonNode received = get(web, login.group(1), "/api/reservas?estado=recibida");
            assertEquals(1, received.get("total").asInt(), received.toString());

            try (Writer console = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                console.write("reloj +32h\nescalera\n");
                console.flush();
                waitFor(lines, seen, "suspendió 5", 60);
            }
            p.destroy(); // SIGTERM, as Ctrl+C
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped");
            assertFalse(Files.exists(Path.of(dir.group(1))), "its directory is gone");
            try (var left = Files.list(empty)) {
                assertEquals(0, left.count(), "nothing written where it ran");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    static void waitFor(BlockingQueue<String> lines, List<String> seen, String text, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return;
                }
            }
        }
        throw new AssertionError("no «" + text + "» in:\n" + String.join("\n", seen));
    }

    static JsonNode get(int port, String password, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }
}
