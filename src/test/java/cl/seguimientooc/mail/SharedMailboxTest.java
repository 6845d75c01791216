package cl.seguimientooc.mail;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.TestInstance;

/**
 * OC_INBOX_* empty: the OC mailbox is the confirmations mailbox, so exactly one route reads it.
 * Also the post-action "mover": stored confirmations go to a folder, everything else stays.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedMailboxTest {

    static MailHarness h;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_shared");
        h.user("seguimiento@agencia.cl", "seguimiento", "secreto");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "seguimiento", "imap.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl",
                "mail.post.action", "mover", "mail.move.folder", "Procesados");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    String outcome(MimeMessage m) throws Exception {
        return (String) h.scalar("SELECT kind || '/' || outcome FROM processed_mail WHERE message_id = ?", m.getMessageID());
    }

    @Test
    void oneReaderHandsEachMessageToExactlyOneHandler() throws Exception {
        h.awaitReady();
        assertNull(context.getRoute("mail-oc"), "no second reader on the same inbox");
        assertTrue(context.getRouteController().getRouteStatus("mail-confirmaciones").isStarted());

        MimeMessage first = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("a.pdf", TestPdfs.confirmation(21, "WALVIS S.A.", "61000001", 10_000)));
        MimeMessage oc = mail("compras@walvis.cl", "RE: Solicitud de Orden de Compra - Reserva 61000001",
                "Adjunto OC N° 4500012345", Attachment.pdf("OC-4500012345.pdf", MailIntakeTest.simplePdf("ORDEN DE COMPRA 4500012345")));
        MimeMessage second = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("b.pdf", TestPdfs.confirmation(22, "WALVIS S.A.", "61000002", 20_000)));
        for (MimeMessage m : new MimeMessage[] {first, oc, second}) {
            h.append("seguimiento", "secreto", m, false);
        }
        await("three messages recorded", () -> outcome(first) != null && outcome(oc) != null && outcome(second) != null
                && !outcome(first).endsWith("en_proceso") && !outcome(oc).endsWith("en_proceso")
                && !outcome(second).endsWith("en_proceso"));
        assertEquals("confirmacion/procesado", outcome(first));
        assertEquals("confirmacion/procesado", outcome(second));
        assertEquals("oc/ignorado", outcome(oc), "handed to the OC handler, not taken as a confirmation");
        assertEquals(2L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code IN ('61000001', '61000002')"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", oc.getMessageID()));
        assertTrue((Boolean) h.scalar("SELECT raw_message IS NOT NULL FROM processed_mail WHERE message_id = ?",
                oc.getMessageID()), "the OC is kept whole until OC matching exists");
        Flags ocFlags = h.flags("seguimiento", "secreto", oc.getMessageID());
        assertFalse(ocFlags.contains(Flags.Flag.SEEN), "the OC stays unread, in the inbox, for staff");
        await("confirmations moved", () -> h.flags("seguimiento", "secreto", first.getMessageID()) == null
                && h.flags("seguimiento", "secreto", second.getMessageID()) == null);
        assertTrue(h.flags("seguimiento", "secreto", "Procesados", first.getMessageID()) != null,
                "post-action mover: the confirmation is in Procesados");

        JsonNode health = h.getJson("/api/health");
        for (JsonNode mailbox : health.get("buzones")) {
            assertEquals("mail-confirmaciones", mailbox.get("ruta").asText(), health.toString());
            assertEquals("started", mailbox.get("estado").asText(), health.toString());
        }
    }
}
