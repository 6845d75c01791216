package cl.seguimientooc.extending;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.ControllableSmtp;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * docs/EXTENDING.md, checked: the service runs on a copy of routes/, templates/ and ladder.yaml
 * edited as that page says (nothing else), and each change does what the page promises.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // each leaves its reservations settled for the next
class ExtendingTest {

    static MailHarness h;
    static ControllableSmtp smtp;
    static HttpServer erp;
    static final LinkedBlockingQueue<String> HOOKS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_extending");
        h.user("confirmaciones@agencia.cl", "confirmaciones@agencia.cl", "secreto");
        h.user("oc@agencia.cl", "oc@agencia.cl", "secreto");
        smtp = new ControllableSmtp(h.plainSmtpPort());
        erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/hooks/oc", exchange -> {
            HOOKS.add(exchange.getRequestMethod() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        erp.start();
        Path work = Files.createTempDirectory("oc-extending");
        Edits.apply(work, "http://127.0.0.1:" + erp.getAddress().getPort() + "/hooks/oc");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones@agencia.cl", "imap.password", "secreto",
                "oc.inbox.host", "localhost", "oc.inbox.port", String.valueOf(h.imapPort()), "oc.inbox.use.ssl", "false",
                "oc.inbox.username", "oc@agencia.cl", "oc.inbox.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl",
                // change 2: settings only
                "imap.post.action", "mover", "imap.move.folder", "Confirmadas", "oc.inbox.post.action", "marcar_leido",
                "smtp.host", "localhost", "smtp.port", String.valueOf(smtp.port()), "smtp.use.tls", "false",
                "smtp.from.email", "seguimiento@agencia.cl", "oc.test.clock", "true",
                "camel.main.routes-include-pattern", "file:" + work.resolve("routes") + "/*.camel.yaml",
                "ladder.file", work.resolve("ladder.yaml").toString(), "templates.dir", work.resolve("templates").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        erp.stop(0);
        smtp.close();
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
        smtp.mode(ControllableSmtp.Mode.UP);
    }

    JsonNode processNow() throws Exception {
        return h.processNow();
    }

    void clock(String value) throws Exception {
        h.clock(value);
    }

    void clients(String csv) throws Exception {
        JsonNode r = MailHarness.JSON.readTree(h.post("/api/clientes/importar", "text/csv", csv).body());
        assertEquals(0, r.get("con_error").asInt(), r.toString());
    }

    /** A HotelSales confirmation delivered to the confirmations mailbox, once it is stored. */
    MimeMessage confirmation(String file, byte[] pdf) throws Exception {
        MimeMessage m = mail("reservasonline@hotelsales.cl", "Confirmación", "", Attachment.pdf(file, pdf));
        h.append("confirmaciones@agencia.cl", "secreto", m, false);
        await("confirmation stored", () -> "confirmacion/procesado".equals(outcome(m)));
        return m;
    }

    String outcome(MimeMessage m) throws Exception {
        Object o = h.scalar("SELECT kind || '/' || outcome FROM processed_mail WHERE message_id = ?", m.getMessageID());
        return o == null ? null : o.toString();
    }

    /** Change 1: a JSON notice is POSTed to a webhook when an OC is matched (a wireTap and a new route file). */
    @Test
    @Order(1)
    void aWebhookHearsOfEveryMatchedOc() throws Exception {
        clients("nombre_agencia,requiere_oc,correos\nGANCHO SPA,SI,compras@gancho.cl\n");
        clock("2026-06-26T14:00:00Z");
        confirmation("c.pdf", TestPdfs.confirmation(71, "GANCHO SPA", "71000001", 50_000));
        MimeMessage oc = mail("compras@gancho.cl", "OC Reserva 71000001", "Adjunto OC N° 4500077777",
                Attachment.pdf("OC-4500077777.pdf", TestPdfs.simple("ORDEN DE COMPRA 4500077777")));
        h.append("oc@agencia.cl", "secreto", oc, false);
        String hook = HOOKS.poll(20, TimeUnit.SECONDS);
        assertNotNull(hook, "the ERP heard of the OC");
        assertTrue(hook.startsWith("POST "), hook);
        JsonNode notice = MailHarness.JSON.readTree(hook.substring(5));
        assertEquals("71000001", notice.get("id_reserva").asText(), hook);
        assertEquals("4500077777", notice.get("numero_oc").asText(), hook);
        MimeMessage stranger = mail("nadie@desconocido.cl", "Orden de compra", "sin reserva",
                Attachment.pdf("OC-1.pdf", TestPdfs.simple("ORDEN DE COMPRA 1")));
        h.append("oc@agencia.cl", "secreto", stranger, false);
        await("unmatched OC recorded", () -> outcome(stranger) != null && outcome(stranger).startsWith("oc/"));
        assertNull(HOOKS.poll(2, TimeUnit.SECONDS), "an OC that matched nothing is not announced");
    }

    /** Change 2: confirmations are moved to a folder in their mailbox; OCs are only marked read in theirs (settings). */
    @Test
    @Order(2)
    void eachMailboxHasItsOwnPostAction() throws Exception {
        clients("nombre_agencia,requiere_oc,correos\nMOVIDA LTDA,SI,compras@movida.cl\n");
        MimeMessage confirmation = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("m.pdf", TestPdfs.confirmation(72, "MOVIDA LTDA", "72000001", 60_000)));
        h.append("confirmaciones@agencia.cl", "secreto", confirmation, false);
        await("confirmation moved", () -> h.flags("confirmaciones@agencia.cl", "secreto", confirmation.getMessageID()) == null
                && h.flags("confirmaciones@agencia.cl", "secreto", "Confirmadas", confirmation.getMessageID()) != null);
        MimeMessage oc = mail("compras@movida.cl", "OC Reserva 72000001", "Adjunto OC N° 4500088888",
                Attachment.pdf("OC-4500088888.pdf", TestPdfs.simple("ORDEN DE COMPRA 4500088888")));
        h.append("oc@agencia.cl", "secreto", oc, false);
        await("OC marked read where it is", () -> {
            Flags f = h.flags("oc@agencia.cl", "secreto", oc.getMessageID());
            return f != null && f.contains(Flags.Flag.SEEN);
        });
        assertEquals("oc/procesado", outcome(oc));
    }

    /** Change 3: the SMTP retry policy is YAML: more attempts at once, and a "552" is worth retrying later. */
    @Test
    @Order(3)
    void theSmtpRetryPolicyIsEditedInTheRoute() throws Exception {
        clients("nombre_agencia,requiere_oc,correos\nREINTENTO SA,SI,compras@reintento.cl\nLLENO SA,SI,compras@lleno.cl\n");
        clock("2026-07-07T14:00:00Z"); // Tuesday 10:00
        confirmation("r.pdf", TestPdfs.confirmation(73, "REINTENTO SA", "73000001", 70_000));
        smtp.failNext(4); // the route as shipped gives up after 1 + 2 tries; the edited one tries 6 times
        JsonNode run = processNow();
        assertEquals(1, run.get("enviados").size(), run.toString());
        confirmation("l.pdf", TestPdfs.confirmation(74, "LLENO SA", "74000001", 80_000));
        smtp.rejectWith("552 5.2.2 Buzón lleno");
        JsonNode full = processNow();
        assertEquals("error", full.at("/con_error/0/estado").asText(), "552 is retried by a later run: " + full);
        assertTrue(full.at("/con_error/0/reintento").isTextual(), full.toString());
        smtp.rejectWith("550 5.1.1 Destinatario inexistente");
        clock("+2h");
        JsonNode rejected = processNow();
        assertEquals("fallido", rejected.at("/con_error/0/estado").asText(), "other 5xx stay permanent: " + rejected);
    }

    /** Change 4: one client gets a fourth level, a courtesy note to its CC only, a business day after the ultimatum. */
    @Test
    @Order(4)
    void aClientGetsACourtesyLevel() throws Exception {
        clients("nombre_agencia,requiere_oc,correos,correos_cc,escalera\n"
                + "WALVIS S.A.,SI,compras@walvis.cl,gerencia@walvis.cl,con_cortesia\n");
        clock("2026-06-26T14:00:00Z"); // Friday 10:00
        confirmation("w.pdf", TestPdfs.realSample());
        assertEquals("solicitud_inicial", processNow().at("/enviados/0/tipo").asText());
        clock("2026-07-01T13:30:00Z");
        assertEquals("recordatorio", processNow().at("/enviados/0/tipo").asText());
        clock("2026-07-03T14:00:00Z");
        assertEquals("ultimatum", processNow().at("/enviados/0/tipo").asText());
        clock("2026-07-06T13:00:00Z"); // Monday 09:00, one business day after the ultimatum
        JsonNode courtesy = processNow();
        assertEquals("cortesia", courtesy.at("/enviados/0/tipo").asText(), courtesy.toString());
        assertEquals(List.of("gerencia@walvis.cl"), MailHarness.JSON.convertValue(courtesy.at("/enviados/0/para"), List.class));
        await("courtesy delivered", () -> courtesy() != null);
        MimeMessage note = courtesy();
        assertEquals("gerencia@walvis.cl", note.getRecipients(Message.RecipientType.TO)[0].toString());
        assertNull(note.getRecipients(Message.RecipientType.CC), "to the CC only");
        assertTrue(String.valueOf(h.scalar("SELECT body_text FROM sent_email WHERE step = 'cortesia'")).contains("45215412"));
        clock("2026-07-06T22:01:00Z"); // Monday 18:01: the suspension the ultimatum announced, on its day
        assertEquals("45215412", processNow().at("/suspendidas/0").asText());
        assertEquals("suspendida", h.getJson("/api/reservas/45215412").get("estado").asText());
    }

    /** The same variant for a client with no CC: the courtesy level is skipped with its reason, and the ladder goes on. */
    @Test
    @Order(5)
    void aLevelNobodyCanReceiveIsSkippedAndTheLadderGoesOn() throws Exception {
        clients("nombre_agencia,requiere_oc,correos,correos_cc,escalera\nSIN COPIA SPA,SI,compras@sincopia.cl,,con_cortesia\n");
        clock("2026-06-26T14:00:00Z"); // Friday 10:00
        confirmation("s.pdf", TestPdfs.confirmation(75, "SIN COPIA SPA", "75000001", 90_000));
        assertEquals("solicitud_inicial", processNow().at("/enviados/0/tipo").asText());
        for (String[] step : new String[][] {{"2026-07-01T13:30:00Z", "recordatorio"}, {"2026-07-03T14:00:00Z", "ultimatum"}}) {
            clock(step[0]);
            assertEquals(step[1], processNow().at("/enviados/0/tipo").asText(), step[1]);
        }
        clock("2026-07-06T13:00:00Z"); // Monday 09:00: the courtesy would be due
        assertEquals(0, processNow().get("enviados").size(), "nobody to send it to");
        assertEquals("omitido", h.scalar("SELECT e.status FROM sent_email e JOIN reservation r ON r.id = e.reservation_id"
                + " WHERE r.reservation_code = '75000001' AND e.step = 'cortesia'"));
        assertTrue(h.getJson("/api/reservas/75000001").toString().contains("el cliente no tiene correos en copia"));
        clock("2026-07-06T22:01:00Z"); // Monday 18:01: still suspended on the announced day
        assertEquals("75000001", processNow().at("/suspendidas/0").asText());
    }

    static MimeMessage courtesy() throws Exception {
        for (MimeMessage m : h.greenMail.getReceivedMessagesForDomain("walvis.cl")) {
            if (m.getSubject().startsWith("Cortesía")) {
                return m;
            }
        }
        return null;
    }
}
