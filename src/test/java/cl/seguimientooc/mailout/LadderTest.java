package cl.seguimientooc.mailout;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ladder end to end on the simulated clock: request, reminder, ultimatum, suspension, each once. */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderTest {

    static MailHarness h;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_ladder");
        h.user("confirmaciones@agencia.cl", "confirmaciones@agencia.cl", "secreto");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones@agencia.cl", "imap.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl",
                "smtp.host", "localhost", "smtp.port", String.valueOf(h.smtpPort()), "smtp.use.tls", "false",
                "smtp.from.email", "seguimiento@agencia.cl", "email.cc.recipients", "supervisor@agencia.cl",
                "oc.test.clock", "true", "oc.acknowledge", "true");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    JsonNode processNow() throws Exception {
        HttpResponse<String> r = h.post("/api/process-now", "application/json", "");
        assertEquals(200, r.statusCode(), r.body());
        return MailHarness.JSON.readTree(r.body());
    }

    void clock(String instant) throws Exception {
        HttpResponse<String> r = h.post("/api/test/clock", "text/plain", instant);
        assertEquals(200, r.statusCode(), r.body());
    }

    List<MimeMessage> received(String address) {
        return h.received(address);
    }

    /** What arrived for this recipient about one reservation (other tests here share the mailboxes). */
    List<MimeMessage> about(String address, String code) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : received(address)) {
            if (m.getSubject().contains(code)) {
                out.add(m);
            }
        }
        return out;
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
    }

    @Test
    void walksTheWorkedExampleSendingEachLevelOnceThenSuspends() throws Exception {
        h.awaitReady();
        assertTrue(h.post("/api/clientes", "application/json",
                "{\"nombre\":\"WALVIS S.A.\",\"requiere_oc\":true,\"correos\":[\"compras@walvis.cl\"]}").statusCode() < 300);
        clock("2026-06-26T14:00:00Z"); // Friday 10:00 in Santiago
        h.append("confirmaciones@agencia.cl", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("r.pdf", TestPdfs.realSample())), false);
        await("reservation stored", () -> h.get("/api/reservas/45215412").statusCode() == 200);

        // Four runs at once: the request goes out exactly once.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(this::processNow));
        }
        int sent = 0;
        for (Future<JsonNode> f : runs) {
            sent += f.get().get("enviados").size();
        }
        pool.shutdown();
        assertEquals(1, sent);
        await("request delivered", () -> received("compras@walvis.cl").size() == 1);
        MimeMessage request = received("compras@walvis.cl").get(0);
        assertEquals("Solicitud de Orden de Compra - Reserva 45215412 - LOC AAFTTAT", request.getSubject());
        assertEquals("confirmaciones@agencia.cl", request.getReplyTo()[0].toString());
        var from = (jakarta.mail.internet.InternetAddress) request.getFrom()[0];
        assertEquals("seguimiento@agencia.cl", from.getAddress());
        assertEquals("Seguimiento OC - Administración", from.getPersonal(), "SMTP_FROM_NAME <SMTP_FROM_EMAIL>");
        assertEquals("supervisor@agencia.cl", request.getRecipients(Message.RecipientType.CC)[0].toString());
        assertEquals(h.scalar("SELECT e.message_id FROM sent_email e JOIN reservation r ON r.id = e.reservation_id"
                + " WHERE e.level = 1 AND r.reservation_code = '45215412'"), request.getMessageID(),
                "the Message-ID in the ledger is the one sent");
        assertTrue(((MimeMultipart) request.getContent()).getContentType().startsWith("multipart/alternative"));
        assertEquals(0, processNow().get("enviados").size(), "nothing more today");

        clock("2026-06-30T14:00:00Z"); // Tuesday: Monday Jun 29 was a holiday, reminder is due Wednesday
        assertEquals(0, processNow().get("enviados").size());
        clock("2026-07-01T13:30:00Z"); // Wednesday 09:30
        JsonNode reminder = processNow();
        assertEquals("recordatorio", reminder.at("/enviados/0/tipo").asText(), reminder.toString());

        clock("2026-07-03T14:00:00Z"); // Friday 10:00
        JsonNode ultimatum = processNow();
        assertEquals("ultimatum", ultimatum.at("/enviados/0/tipo").asText(), ultimatum.toString());
        await("ultimatum delivered", () -> received("compras@walvis.cl").size() == 3);
        String text = String.valueOf(h.scalar("SELECT body_text FROM sent_email WHERE level = 3"));
        assertTrue(text.contains("suspendida el lunes 6 de julio de 2026 a las 18:00"), text);

        clock("2026-07-06T21:59:00Z"); // Monday 17:59
        assertEquals(0, processNow().get("suspendidas").size());
        clock("2026-07-06T22:01:00Z"); // Monday 18:01
        JsonNode suspension = processNow();
        assertEquals("45215412", suspension.at("/suspendidas/0").asText(), suspension.toString());
        // The supervisor is in CC of the three ladder e-mails and alone in the suspension notice.
        await("admin told", () -> about("supervisor@agencia.cl", "45215412").size() == 4);
        MimeMessage notice = about("supervisor@agencia.cl", "45215412").get(3);
        assertTrue(notice.getSubject().startsWith("Reserva suspendida por falta de OC - Reserva 45215412"), notice.getSubject());
        assertTrue(String.valueOf(h.scalar("SELECT body_text FROM sent_email WHERE step = 'suspension'"))
                .contains("56233520700"), "tells which hotel to warn");
        JsonNode r = h.getJson("/api/reservas/45215412");
        assertEquals("suspendida", r.get("estado").asText());
        assertEquals(4, r.get("correos_enviados").size());

        clock("2026-07-20T14:00:00Z");
        JsonNode later = processNow();
        assertEquals(0, later.get("enviados").size());
        assertEquals(3, received("compras@walvis.cl").size(), "nothing more to the client");
        assertEquals(1L, h.scalar("SELECT count(*) FROM sent_email e JOIN reservation r ON r.id = e.reservation_id"
                + " WHERE e.level = 1 AND r.reservation_code = '45215412'"));

        // The OC arrives after all, as a reply to the request: received, and the admins are told.
        MimeMessage oc = mail("compras@walvis.cl", "RE: " + request.getSubject(), "Adjunto la OC N° 4500012345",
                Attachment.pdf("OC.pdf", TestPdfs.simple("ORDEN DE COMPRA 4500012345")));
        oc.setHeader("In-Reply-To", request.getMessageID());
        h.append("confirmaciones@agencia.cl", "secreto", oc, false);
        await("OC received", () -> "recibida".equals(h.scalar("SELECT status FROM reservation WHERE reservation_code = '45215412'")));
        assertEquals("hilo", h.scalar("SELECT match_method FROM purchase_order WHERE oc_number = '4500012345'"));
        processNow();
        await("admin told it can be reinstated", () -> about("supervisor@agencia.cl", "45215412").size() == 5);
        assertTrue(about("supervisor@agencia.cl", "45215412").get(4).getSubject().startsWith("OC recibida para una reserva suspendida"));
        await("sender thanked", () -> received("compras@walvis.cl").size() == 4);
        assertEquals("Recibimos su Orden de Compra - Reserva 45215412 - LOC AAFTTAT",
                received("compras@walvis.cl").get(3).getSubject(), "oc.acknowledge=true");
    }

    @Test
    void testClockIsOnlyForTests() throws Exception {
        HttpResponse<String> bad = h.post("/api/test/clock", "text/plain", "mañana");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(200, h.get("/api/test/clock").statusCode());
    }

    /** Defect 3: markup printed in a PDF reaches the client's e-mail as text, never as HTML. */
    @Test
    void markupFromAPdfArrivesEscapedInTheHtmlEmail() throws Exception {
        String evil = "<script>alert(1)</script><a href=\"http://phish.example\">clic</a> \"x\"";
        String agency = "EMPRESA <b>NEGRITA</b> \"COMILLAS\"";
        HttpResponse<String> c = h.post("/api/clientes", "application/json", MailHarness.JSON.writeValueAsString(
                java.util.Map.of("nombre", agency, "requiere_oc", true, "correos", List.of("compras@marcado.cl"))));
        assertTrue(c.statusCode() < 300, c.body());
        clock("2026-07-06T14:00:00Z"); // Monday 10:00 in Santiago
        h.append("confirmaciones@agencia.cl", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("r.pdf", TestPdfs.hostile("81000001", agency, evil))), false);
        await("stored", () -> h.get("/api/reservas/81000001").statusCode() == 200);
        JsonNode r = h.getJson("/api/reservas/81000001");
        assertTrue(r.get("nombre_hotel").asText().contains("<script>"), "the PDF's text is kept as printed: " + r);
        assertEquals("pendiente", r.get("estado").asText(), r.toString());
        processNow();
        await("request delivered", () -> !received("compras@marcado.cl").isEmpty());
        MimeMessage m = received("compras@marcado.cl").get(0);
        var alternative = (jakarta.mail.internet.MimeMultipart) m.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertFalse(html.contains("<script>") || html.contains("<b>NEGRITA") || html.contains("href=\"http://phish"), html);
        assertTrue(html.contains("&lt;script&gt;") && html.contains("&lt;b&gt;NEGRITA"), "shown as text: " + html);
        assertTrue(text.contains("<script>alert(1)</script>"), "plain text keeps the characters: " + text);
        // out of the ladder, so the other walk-throughs here see only their own reservations
        assertEquals(200, h.post("/api/reservas/81000001/marcar-oc-recibida?numero_oc=1", "application/json", "").statusCode());
    }
}
