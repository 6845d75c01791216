package cl.seguimientooc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.Ports;
import cl.seguimientooc.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole service as Camel Main starts it, on a real PostgreSQL, with no mailbox configured. */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one service start for all checks
class ServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int port;

    @BeanInject
    CamelContext context;

    @BeanInject
    DataSource dataSource;

    @BeforeAll
    static void infrastructure() throws Exception {
        port = Ports.free();
        System.setProperty("web.port", String.valueOf(port));
        System.setProperty("database.url", TestDatabase.url());
        System.setProperty("data.dir", Files.createTempDirectory("oc-data").toString());
        System.setProperty("admin.username", MailHarness.ADMIN_USER);
        System.setProperty("admin.password", MailHarness.ADMIN_PASSWORD);
        System.setProperty("web.max.body.bytes", "65536");
        System.setProperty("web.login.max.failures", "1000"); // this class tries wrong passwords on purpose
    }

    @AfterAll
    static void clear() {
        for (String key : new String[] {"admin.username", "admin.password", "web.max.body.bytes", "web.login.max.failures"}) {
            System.clearProperty(key);
        }
    }

    /** Routes start in the background (supervised); wait as a load balancer would, for readiness. */
    @BeforeEach
    void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get("/observe/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // server not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("service not ready within 30 s: " + get("/observe/health").body());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", MailHarness.AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> anonymous(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiHealthReportsDatabaseAndUnconfiguredMailboxes() throws Exception {
        HttpResponse<String> response = get("/api/health");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("ok", body.get("estado").asText());
        assertFalse(body.get("version").asText().isBlank());
        assertEquals("up", body.at("/base_de_datos/estado").asText());
        assertEquals("externa", body.at("/base_de_datos/tipo").asText());
        assertEquals(2, body.get("buzones").size());
        for (JsonNode mailbox : body.get("buzones")) {
            assertEquals("no_configurado", mailbox.get("estado").asText());
        }
    }

    @Test
    void camelHealthEndpointsIncludeTheDatabase() throws Exception {
        HttpResponse<String> health = get("/observe/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode checks = JSON.readTree(health.body()).get("checks");
        boolean database = false;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals("database")) {
                database = check.get("status").asText().equals("UP");
            }
        }
        assertTrue(database, health.body());
        assertEquals(200, get("/observe/health/live").statusCode());
        assertEquals(200, get("/observe/health/ready").statusCode());
    }

    @Test
    void metricsAndJmxAreExposed() throws Exception {
        HttpResponse<String> metrics = get("/observe/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory"), "Prometheus JVM metrics");
        Set<ObjectName> routes = ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        assertTrue(routes.stream().anyMatch(n -> n.toString().contains("api-health")), routes::toString);
    }

    @Test
    void schemaIsMigrated() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                     + "AND table_name IN ('client','client_alias','reservation','reservation_room','reservation_guest',"
                     + "'processed_mail','document','sent_email','purchase_order','purchase_order_file','audit_event',"
                     + "'camel_messageprocessed')")) {
            rs.next();
            assertEquals(12, rs.getInt(1));
        }
    }

    @Test
    void unknownApiPathIsNotFound() throws Exception {
        assertEquals(404, get("/api/no-existe").statusCode());
    }

    @Test
    void theTestClockIsRefusedUnlessEnabledAndNothingIsSentWithoutSmtp() throws Exception {
        HttpResponse<String> clock = get("/api/test/clock");
        assertEquals(403, clock.statusCode(), clock.body());
        assertTrue(clock.body().contains("OC_TEST_CLOCK"), clock.body());
        HttpResponse<String> run = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/process-now"))
                .header("Authorization", MailHarness.AUTHORIZATION).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("SMTP no configurado"), run.body());
        assertEquals("no_configurado", JSON.readTree(get("/api/health").body()).at("/smtp/estado").asText());
    }

    @Test
    void everythingButHealthNeedsTheAdminsCredentials() throws Exception {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:adivinanza-incorrecta".getBytes());
        for (String path : new String[] {"/api/reservas", "/api/stats", "/api/clientes", "/observe/metrics", "/observe/info",
                "/api/health/../reservas", "//api/reservas", "/", "/api/no-existe"}) {
            for (String auth : new String[] {null, wrong, "Basic no-es-base64", "Bearer x"}) {
                HttpResponse<String> r = anonymous(path, auth);
                assertEquals(401, r.statusCode(), path + " with " + auth + ": " + r.body());
                assertTrue(r.body().contains("se requiere ingresar"), r.body());
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
            }
        }
        for (String path : new String[] {"/api/health", "/observe/health", "/observe/health/live", "/observe/health/ready"}) {
            assertEquals(200, anonymous(path, null).statusCode(), path + " stays public");
        }
        assertEquals(200, get("/api/reservas").statusCode());
        assertEquals(200, get("/observe/metrics").statusCode());
        HttpResponse<String> r = get("/api/stats");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }

    @Test
    void theApiIsDocumentedWithOpenApiAndSwaggerUiFromTheJar() throws Exception {
        HttpResponse<String> doc = get("/openapi.json");
        assertEquals(200, doc.statusCode(), doc.body());
        var api = JSON.readTree(doc.body());
        assertTrue(api.path("openapi").asText().startsWith("3."), doc.body().substring(0, 200));
        assertEquals("Seguimiento OC", api.at("/info/title").asText());
        var list = api.at("/paths/~1api~1reservas/get");
        assertTrue(list.isObject(), "GET /api/reservas documented: " + api.path("paths").fieldNames().next());
        String parameters = list.path("parameters").toString();
        for (String declared : new String[] {"estado", "agencia", "desde", "hasta", "limit", "offset", "pendiente"}) {
            assertTrue(parameters.contains(declared), declared + " declared: " + parameters);
        }
        assertTrue(api.at("/paths/~1api~1reservas~1{id}~1reenviar-correo/post").isObject(), "POST verbs too");
        assertEquals(401, anonymous("/openapi.json", null).statusCode(), "the document needs a login");

        HttpResponse<String> ui = get("/docs");
        assertEquals(200, ui.statusCode(), ui.body());
        assertTrue(ui.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(ui.body().contains("http://") || ui.body().contains("https://"), "nothing from another site: " + ui.body());
        String csp = ui.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval") && !csp.contains("script-src 'self' 'unsafe-inline'"), csp);
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(ui.body());
        int found = 0;
        while (assets.find()) {
            HttpResponse<String> asset = get(assets.group(1));
            assertEquals(200, asset.statusCode(), assets.group(1) + " is served from the jar");
            found++;
        }
        assertEquals(3, found, "stylesheet, Swagger UI and its start script");
        assertEquals(401, anonymous("/docs", null).statusCode());
    }

    @Test
    void failedLoginsAreLoggedWithoutThePassword() throws Exception {
        String secret = "contrasena-que-no-debe-aparecer";
        String user = "intruso" + System.nanoTime(); // this run's line, not one from an earlier run today
        anonymous("/api/stats", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + secret).getBytes()));
        java.nio.file.Path log = java.nio.file.Path.of("logs", "oc_seguimiento_"
                + java.time.LocalDate.now(java.time.ZoneId.of("America/Santiago")) + ".log");
        String text = Files.readString(log);
        assertTrue(text.contains("Acceso denegado a GET /api/stats") && text.contains("usuario «" + user + "»"), "logged");
        assertFalse(text.contains(secret), "the password is never logged");
    }

    /** Defect 12: a line break inside a logged value (a file name, a subject) cannot forge a log line. */
    @Test
    void lineBreaksInLoggedValuesAreEncoded() throws Exception {
        org.slf4j.LoggerFactory.getLogger("cl.seguimientooc.prueba").warn("Adjunto {}", "oc.pdf\r\n2026-11-30 10:00:00.000 INFO"
                + "  [main] c.s.Falso - LINEA-FORJADA");
        java.nio.file.Path log = java.nio.file.Path.of("logs", "oc_seguimiento_"
                + java.time.LocalDate.now(java.time.ZoneId.of("America/Santiago")) + ".log");
        java.util.List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains("Adjunto oc.pdf\\r\\n2026-11-30") && l.contains("LINEA-FORJADA")),
                "the value stays on its line, its breaks written as \\r\\n");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("2026-11-30 10:00:00.000 INFO  [main] c.s.Falso")), "no forged line");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413InSpanish() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/clientes/importar"))
                .header("Authorization", MailHarness.AUTHORIZATION).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("supera el máximo de 64 KB"), r.body());
    }
}
