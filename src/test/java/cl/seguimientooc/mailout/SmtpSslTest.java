package cl.seguimientooc.mailout;

import static cl.seguimientooc.support.MailHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.support.MailHarness;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ladder sending over SMTP with SSL from the first byte (GreenMail SMTPS, self-signed certificate). */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpSslTest {

    static MailHarness h;
    static SmtpServer smtps;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_smtps");
        smtps = new SmtpServer(new ServerSetup(cl.seguimientooc.support.Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
                h.greenMail.getManagers());
        smtps.startService();
        assertTrue(smtps.waitTillRunning(10_000));
        h.configure("smtp.host", "localhost", "smtp.port", String.valueOf(smtps.getPort()), "smtp.use.tls", "false",
                "ladder.smtp.ssl", "true", "ladder.smtp.ssl.trust", "*", "ladder.smtp.ssl.check.identity", "false", "smtp.from.email", "seguimiento@agencia.cl",
                "oc.test.clock", "true", "oc.test.clock.at", "2026-07-06T14:00:00Z");
    }

    @AfterAll
    static void stop() {
        smtps.stopService();
        h.close();
    }

    @Test
    void sendsOverSsl() throws Exception {
        h.awaitReady();
        HttpResponse<String> c = h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Cliente Seguro\",\"requiere_oc\":true,\"correos\":[\"compras@seguro.cl\"]}");
        long clientId = MailHarness.JSON.readTree(c.body()).get("id").asLong();
        try (Connection db = DriverManager.getConnection(h.dbUrl)) {
            db.createStatement().execute("INSERT INTO reservation (reservation_code, loc_interno, agency, agency_normalized,"
                    + " client_id, total_amount, currency, layout, status, requires_oc, ladder_started_at)"
                    + " VALUES ('SSL1', 'LSSL1', 'Cliente Seguro', 'CLIENTE SEGURO', " + clientId + ", 1000, 'CLP',"
                    + " 'hotelsales-resumen-de-servicios', 'pendiente', true, TIMESTAMPTZ '2026-07-06 13:30:00+00')");
        }
        HttpResponse<String> run = h.post("/api/process-now", "application/json", "");
        assertEquals(1, MailHarness.JSON.readTree(run.body()).get("enviados").size(), run.body());
        await("delivered over SSL", () -> h.greenMail.getReceivedMessages().length == 1);
    }
}
