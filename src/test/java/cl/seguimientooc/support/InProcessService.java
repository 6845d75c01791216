package cl.seguimientooc.support;

import cl.seguimientooc.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.camel.main.Main;

/** The service started in this JVM from the repository root (benchmarks), ready when returned. */
public final class InProcessService {

    private final Main main;

    private InProcessService(Main main) {
        this.main = main;
    }

    /** Starts with the settings already set as system properties; waits for /observe/health/ready. */
    public static InProcessService start(int webPort) throws Exception {
        Main main = new Main(Application.class);
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        Thread service = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "service");
        service.setDaemon(true);
        service.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new InProcessService(main);
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready within 2 minutes");
    }

    public void stop() {
        main.stop();
    }
}
