package cl.seguimientooc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.support.Ports;
import cl.seguimientooc.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service started exactly as the container image starts it (docker/Dockerfile): the
 * same entrypoint and health check scripts, a non-root user, an application directory it cannot
 * write to, and only the three volumes writable. Images cannot be built on these machines; this is
 * the part of the image that can be tested.
 */
class ContainerEntrypointIT {

    static Path root;
    static Path app;
    /** As root the service runs as nobody (setpriv), like the image's own user. */
    static final boolean ROOT = "0".equals(run(List.of("id", "-u")).strip());

    @BeforeAll
    static void install() throws Exception {
        root = Files.createTempDirectory("contenedor");
        app = root.resolve("opt/seguimiento-oc");
        Files.createDirectories(app);
        copy(Path.of("target/seguimiento-oc.jar"), app.resolve("seguimiento-oc.jar"));
        for (String dir : new String[] {"target/lib", "routes", "templates", "layouts"}) {
            copy(Path.of(dir), app.resolve(Path.of(dir).getFileName()));
        }
        for (String file : new String[] {"application.properties", "ladder.yaml", "docker/entrypoint.sh", "docker/healthcheck.sh"}) {
            copy(Path.of(file), app.resolve(Path.of(file).getFileName()));
        }
        for (String volume : new String[] {"data", "oc_files", "logs"}) {
            Files.createDirectories(app.resolve(volume));
            if (ROOT) {
                run(List.of("chown", "65534:65534", app.resolve(volume).toString()));
            }
        }
        // like `chmod -R a-w` in the image: everything but the volumes is read-only
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : all.toList()) {
                if (!isVolume(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r-xr-xr-x"));
                }
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("opt"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static boolean isVolume(Path p) {
        Path rel = app.relativize(p);
        return rel.getNameCount() > 0 && List.of("data", "oc_files", "logs").contains(rel.getName(0).toString());
    }

    static List<String> asServiceUser(List<String> command) {
        List<String> out = new ArrayList<>();
        if (ROOT) {
            out.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"));
        }
        out.addAll(command);
        return out;
    }

    static ProcessBuilder entrypoint(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", app.resolve("entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(asServiceUser(command)).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAP_") || k.startsWith("OC_") || k.startsWith("SMTP_")
                || k.startsWith("DATABASE") || k.startsWith("ADMIN_") || k.startsWith("WEB_"));
        pb.environment().put("HOME", "/nonexistent");
        pb.environment().putAll(env);
        return pb;
    }

    @Test
    void theServiceRunsAsTheImageRunsItWritingOnlyToItsVolumes() throws Exception {
        int port = Ports.free();
        Map<String, String> env = Map.of("DATABASE_URL", TestDatabase.newDatabase("oc_contenedor"), "WEB_PORT", String.valueOf(port),
                "WEB_HOST", "127.0.0.1", "ADMIN_PASSWORD", "clave-del-contenedor", "DAILY_SUMMARY_ENABLED", "false",
                "JAVA_OPTS_EXTRA", "-Xmx256m");
        TreeSet<String> before = listing(app);
        Path out = root.resolve("salida.log");
        Process p = entrypoint(env, "run").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            boolean healthy = false;
            while (!healthy && System.currentTimeMillis() < deadline && p.isAlive()) {
                ProcessBuilder check = new ProcessBuilder(asServiceUser(List.of("bash", app.resolve("healthcheck.sh").toString())))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                check.environment().put("WEB_PORT", String.valueOf(port));
                Process c = check.start();
                healthy = c.waitFor(10, TimeUnit.SECONDS) && c.exitValue() == 0;
                if (!healthy) {
                    Thread.sleep(300);
                }
            }
            assertTrue(healthy, "healthcheck.sh reports live: " + tail(out));
            HttpClient http = HttpClient.newHttpClient();
            boolean ready = false; // routes start in the background; a load balancer waits for readiness
            while (!ready && System.currentTimeMillis() < deadline) {
                ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                Thread.sleep(ready ? 0 : 200);
            }
            assertTrue(ready, "ready: " + tail(out));
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("Seguimiento OC"));
        } finally {
            p.destroy(); // SIGTERM, as docker stop sends
            assertTrue(p.waitFor(45, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        assertEquals(before, listing(app), "nothing written outside the volumes");
        try (Stream<Path> logs = Files.list(app.resolve("logs"))) {
            assertTrue(logs.anyMatch(f -> f.getFileName().toString().startsWith("oc_seguimiento_")), "the log goes to the logs volume");
        }
        assertTrue(Files.isDirectory(app.resolve("data/tmp")), "temporary files go to the data volume");
        // AppCDS: the first start recorded its classes when it stopped; the next start maps them and records nothing
        assertTrue(cds().stream().anyMatch(f -> f.matches("\\d+\\.jsa\\.\\d+")), "the classes recorded: " + cds());
        Process again = entrypoint(env, "run").redirectErrorStream(true).redirectOutput(root.resolve("salida2.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 90_000;
            boolean ready = false;
            while (!ready && System.currentTimeMillis() < deadline && again.isAlive()) {
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(ready ? 0 : 200);
            }
            assertTrue(ready, "ready with the archive: " + tail(root.resolve("salida2.log")));
        } finally {
            again.destroy();
            assertTrue(again.waitFor(45, TimeUnit.SECONDS));
        }
        assertTrue(cds().stream().allMatch(f -> f.matches("\\d+\\.jsa")) && cds().size() == 1, "mapped, not recorded again: " + cds());
        if (ROOT) {
            assertTrue(Files.readString(out).contains("Apache Camel"), tail(out));
            assertEquals("65534", run(List.of("stat", "-c", "%u", app.resolve("logs").resolve(
                    Files.list(app.resolve("logs")).findFirst().orElseThrow().getFileName()).toString())).strip(),
                    "files belong to the service's user, not root");
        }
    }

    @Test
    void aVolumeItCannotWriteToStopsItWithAReason() throws Exception {
        Path readOnly = root.resolve("solo-lectura");
        Files.createDirectories(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Process p = entrypoint(Map.of("LOG_DIR", readOnly.toString()), "check-config").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // as root the service runs as nobody (setpriv); otherwise the owner itself has no write bit
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("no puede escribir en ella") && output.contains(readOnly.toString()), output);
    }

    static List<String> cds() throws IOException {
        try (Stream<Path> files = Files.list(app.resolve("data/cds"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    static TreeSet<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            TreeSet<String> out = new TreeSet<>();
            all.filter(p -> !isVolume(p)).forEach(p -> out.add(dir.relativize(p).toString()));
            return out;
        }
    }

    static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        } else {
            Files.copy(from, to);
        }
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(sin salida)";
        }
        String s = Files.readString(file);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
