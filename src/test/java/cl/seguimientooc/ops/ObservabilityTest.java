package cl.seguimientooc.ops;

import static cl.seguimientooc.support.MailHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.support.MailHarness;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Domain metrics at /observe/metrics, the Stats MBean, and per-connection health: the OC mailbox
 * refuses the login, so it is reported degraded with a Spanish reason while readiness (the
 * database) stays up.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest {

    static MailHarness h;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_observe");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        h.user("oc@agencia.cl", "oc", "la-correcta");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones", "imap.password", "secreto",
                "oc.inbox.host", "127.0.0.1", "oc.inbox.port", String.valueOf(h.imapPort()), "oc.inbox.use.ssl", "false",
                "oc.inbox.username", "oc", "oc.inbox.password", "equivocada",
                "smtp.host", "localhost", "smtp.port", String.valueOf(h.smtpPort()), "smtp.use.tls", "false",
                "smtp.from.email", "seguimiento@agencia.cl", "oc.test.clock", "true", "oc.test.clock.at", "2026-07-06T14:00:00Z");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static double metric(String body, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(body);
        double total = Double.NaN;
        while (m.find()) {
            if (String.valueOf(m.group(1)).contains(labels)) {
                total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    @Test
    void metricsJmxAndHealthTellTheStory() throws Exception {
        try {
            h.awaitReady();
        } catch (AssertionError e) {
            throw new AssertionError(h.get("/observe/health/ready").body(), e);
        }
        HttpResponse<String> c = h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Cliente Medido\",\"requiere_oc\":true,\"correos\":[\"compras@medido.cl\"]}");
        long clientId = MailHarness.JSON.readTree(c.body()).get("id").asLong();
        cl.seguimientooc.support.TestReservations.pending(h.dbUrl, clientId, "Cliente Medido", 1,
                java.time.Instant.parse("2026-07-06T13:30:00Z"));
        assertEquals(1, h.processNow().get("enviados").size());
        // the time to OC is measured on the database's clock, not the test clock
        h.query("UPDATE reservation SET ladder_started_at = now() - interval '2 days' WHERE reservation_code = 'CLIENTEMEDIDO0' RETURNING id");
        assertEquals(200, h.post("/api/reservas/CLIENTEMEDIDO0/marcar-oc-recibida?numero_oc=55", "application/json", "").statusCode());
        await("the OC mailbox's refusal is seen", () -> h.get("/observe/health").body().contains("degradado"));

        assertEquals(200, h.get("/observe/health/ready").statusCode(), "readiness is the database; a mailbox only degrades");
        String health = h.get("/observe/health").body();
        assertTrue(health.contains("correo-oc") && health.contains("correo-confirmaciones") && health.contains("correo-smtp"), health);
        assertTrue(health.contains("usuario o contraseña") || health.contains("rechazó el ingreso"), "a Spanish reason: " + health);
        assertTrue(!health.contains("Invalid login") && !health.contains("user id"), "the server's words stay off the public endpoint");

        String metrics = h.get("/observe/metrics").body();
        assertEquals(1.0, metric(metrics, "seguimiento_oc_reservas", "estado=\"recibida\""), metrics);
        assertEquals(0.0, metric(metrics, "seguimiento_oc_reservas", "estado=\"pendiente\""));
        assertEquals(1.0, metric(metrics, "seguimiento_oc_correos_enviados_total", "nivel=\"solicitud_inicial\""));
        assertTrue(metric(metrics, "seguimiento_oc_conexion_errores_seguidos", "conexion=\"oc\"") >= 1);
        assertEquals(0.0, metric(metrics, "seguimiento_oc_conexion_errores_seguidos", "conexion=\"confirmaciones\""));
        assertTrue(metric(metrics, "seguimiento_oc_conexion_ultimo_exito_timestamp_seconds", "conexion=\"smtp\"") > 1.7e9);
        // waited two days: in the 3-day bucket, not in the 1-day one
        assertEquals(1.0, metric(metrics, "seguimiento_oc_tiempo_hasta_oc_seconds_bucket", "le=\"259200.0\""), metrics);
        assertEquals(0.0, metric(metrics, "seguimiento_oc_tiempo_hasta_oc_seconds_bucket", "le=\"86400.0\""));
        assertTrue(metric(metrics, "seguimiento_oc_escalera_duracion_seconds_count", "") >= 1);
        assertTrue(metrics.contains("seguimiento_oc_oc_sin_asignar ") && metrics.contains("seguimiento_oc_oc_sin_asignar_antiguedad_seconds "));

        // every metric the example Grafana dashboard queries exists
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs/grafana-seguimiento-oc.json"));
        MailHarness.JSON.readTree(dashboard);
        Matcher used = Pattern.compile("seguimiento_oc_[a-z_]+").matcher(dashboard);
        int queried = 0;
        while (used.find()) {
            queried++;
            assertTrue(Pattern.compile("(?m)^" + used.group() + "[{ ]").matcher(metrics).find(), "dashboard queries " + used.group());
        }
        assertTrue(queried >= 10, "the dashboard covers the domain metrics");

        var jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName stats = new ObjectName("cl.seguimientooc:type=Stats");
        TabularData byStatus = (TabularData) jmx.getAttribute(stats, "ReservationsByStatus");
        assertEquals(1L, ((CompositeData) byStatus.get(new Object[] {"recibida"})).get("value"));
        TabularData sent = (TabularData) jmx.getAttribute(stats, "EmailsSentByLevel");
        assertEquals(1L, ((CompositeData) sent.get(new Object[] {"solicitud_inicial"})).get("value"));
        assertEquals(1L, jmx.getAttribute(stats, "OcsReceived"));
        TabularData connections = (TabularData) jmx.getAttribute(stats, "Connections");
        String oc = String.valueOf(((CompositeData) connections.get(new Object[] {"oc"})).get("value"));
        assertTrue(oc.startsWith("degradado") && oc.contains("Invalid login"), "JMX has the server's words too: " + oc);
        assertTrue(jmx.queryNames(new ObjectName("org.apache.camel:*"), null).size() > 0, "next to Camel's own MBeans");
    }
}
