package cl.seguimientooc.support;

import cl.seguimientooc.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service as a separate JVM, started as an operator would and killed as a crash would (SIGKILL). */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    public final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code run} from the repository root with these environment variables; waits until ready. */
    public static ServiceProcess start(int port, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), Application.class.getName(), "run"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAP_") || k.startsWith("OC_") || k.startsWith("SMTP_")
                || k.equals("DATABASE_URL") || k.startsWith("WEB_") || k.startsWith("ADMIN_"));
        pb.environment().putAll(env);
        pb.environment().put("WEB_PORT", String.valueOf(port));
        pb.environment().putIfAbsent("ADMIN_PASSWORD", MailHarness.ADMIN_PASSWORD);
        pb.environment().putIfAbsent("LOG_LEVEL", "WARN");
        pb.environment().putIfAbsent("DAILY_SUMMARY_ENABLED", "false");
        Path log = Files.createTempFile("servicio-", ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess s = new ServiceProcess(p, port, log);
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the service exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (s.get("/observe/health/ready").statusCode() == 200) {
                    return s;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        s.close();
        throw new AssertionError("service not ready:\n" + Files.readString(log));
    }

    /** Starts one service per environment, all at once (on free ports); returns them when all are ready. */
    public static java.util.List<ServiceProcess> startAll(java.util.List<Integer> ports, java.util.List<Map<String, String>> envs) {
        java.util.List<java.util.concurrent.CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (int i = 0; i < envs.size(); i++) {
            int port = ports.get(i);
            Map<String, String> env = envs.get(i);
            starting.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return start(port, env);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return starting.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", MailHarness.AUTHORIZATION);
    }

    /** kill -9: no shutdown hook, no graceful stop, claims left as they were. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
