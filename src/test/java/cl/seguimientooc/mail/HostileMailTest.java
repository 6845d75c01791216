package cl.seguimientooc.mail;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.HostilePdfs;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.HostileMime;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-MIME corpus through the real path (GreenMail IMAP → mailbox route → PostgreSQL).
 * Every item must end in a record with a Spanish reason and its raw bytes, leave the mailbox
 * running, and let the next good confirmation through.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMailTest {

    static final String HOTELSALES = "reservasonline@hotelsales.cl";
    static final AtomicLong IDS = new AtomicLong(61_000_000);
    static MailHarness h;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_hostile");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones", "imap.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
        await("mailbox route started", () -> context.getRouteController().getRouteStatus("mail-confirmaciones").isStarted());
    }

    void deliver(MimeMessage m) throws Exception {
        h.append("confirmaciones", "secreto", m, false);
    }

    /** The processed-mail record of the message whose subject contains this marker, once final. */
    List<Object> record(String marker) throws Exception {
        await("record for " + marker, () -> {
            Object outcome = h.scalar("SELECT outcome FROM processed_mail WHERE subject LIKE ? OR raw_message IS NOT NULL "
                    + "AND position(convert_to(?, 'UTF8') in raw_message) > 0 ORDER BY id DESC LIMIT 1", "%" + marker + "%", marker);
            return outcome != null && !"en_proceso".equals(outcome);
        });
        return h.query("SELECT outcome, coalesce(reason, '') || ' ' || coalesce(error, ''), raw_message IS NOT NULL, id, kind "
                + "FROM processed_mail WHERE subject LIKE ? OR raw_message IS NOT NULL "
                + "AND position(convert_to(?, 'UTF8') in raw_message) > 0 ORDER BY id DESC LIMIT 1", "%" + marker + "%", marker).get(0);
    }

    /** A good confirmation after the hostile item: the mailbox still works. */
    void nextGoodMailIsStored() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage good = mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(3, "WALVIS S.A.", code, 90_000)));
        deliver(good);
        await("good confirmation " + code, () -> h.scalar("SELECT id FROM reservation WHERE reservation_code = ?", code) != null);
    }

    static void assertSpanishReason(List<Object> row) {
        String text = (String) row.get(1);
        assertFalse(text.isBlank(), "a reason someone can act on: " + row);
        assertTrue(text.matches("(?s).*[a-záéíóúñ]{4,}.*"), text);
    }

    @Test
    void noMessageIdAndUnknownCharsetInTheSubjectDoesNotStopTheMailbox() throws Exception {
        // Defect 6: this one message made every later poll fail. A good mail waits behind it, in the same poll.
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage good = mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(4, "WALVIS S.A.", code, 70_000)));
        context.getRouteController().stopRoute("mail-confirmaciones");
        deliver(HostileMime.message(HostileMime.noMessageIdUnknownCharsetSubject("SPAM-6")));
        deliver(good);
        context.getRouteController().startRoute("mail-confirmaciones");
        await("good confirmation after the bad one", () -> h.scalar(
                "SELECT id FROM reservation WHERE reservation_code = ?", code) != null);
        List<Object> bad = record("SPAM-6");
        assertSpanishReason(bad);
        assertTrue((Boolean) bad.get(2), "its raw message is kept: " + bad);
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE dedup_key LIKE 'sha256:%' "
                + "AND position(convert_to('SPAM-6', 'UTF8') in raw_message) > 0"), "keyed by the hash of its bytes");
        nextGoodMailIsStored();
    }

    @Test
    void brokenMimeIsRecordedWithItsRawBytesAndAReason() throws Exception {
        for (String[] item : new String[][] {
                {"UNKNOWN-CHARSET-BODY", HostileMime.unknownCharsetBody("UNKNOWN-CHARSET-BODY")},
                {"BROKEN-BASE64", HostileMime.brokenBase64Pdf("BROKEN-BASE64", HOTELSALES)},
                {"NO-BOUNDARY", HostileMime.multipartWithoutBoundary("NO-BOUNDARY")},
                {"NESTED-50", HostileMime.nested("NESTED-50", 50)},
                {"CRLF-NAME", HostileMime.crlfInFileName("CRLF-NAME")},
                {"EIGHT-BIT", HostileMime.eightBitHeaders("EIGHT-BIT")},
        }) {
            deliver(HostileMime.message(item[1]));
            List<Object> row = record(item[0]);
            boolean queued = "oc".equals(row.get(4)) && h.scalar("SELECT id FROM purchase_order WHERE source_mail_id = ? "
                    + "AND status = 'sin_asignar'", row.get(3)) != null;
            assertTrue(List.of("error", "ignorado").contains(row.get(0)) || queued, item[0] + ": " + row);
            assertSpanishReason(row);
            assertTrue((Boolean) row.get(2), item[0] + " keeps its raw message: " + row);
        }
        assertEquals(0L, h.scalar("SELECT count(*) FROM purchase_order_file WHERE original_name ~ '[\\r\\n]'"),
                "no line breaks in stored names (they reach logs and the dashboard)");
        nextGoodMailIsStored();
    }

    @Test
    void aThousandAttachmentsAreCappedAndTheMailboxGoesOn() throws Exception {
        deliver(HostileMime.message(HostileMime.manyAttachments("THOUSAND", 1000)));
        List<Object> row = record("THOUSAND");
        assertTrue(((String) row.get(1)).contains("100"), row.toString());
        assertTrue((Boolean) row.get(2), row.toString());
        nextGoodMailIsStored();
    }

    @Test
    void reprocessWorksForAMimeError() throws Exception {
        deliver(HostileMime.message(HostileMime.unknownCharsetBody("REPROCESS-ME")));
        List<Object> row = record("REPROCESS-ME");
        var r = h.post("/api/mensajes/" + row.get(3) + "/reprocesar", "application/json", "");
        assertEquals(200, r.statusCode(), r.body());
    }

    /**
     * Defect 9: claims left by a crash are taken back at once, not after a stale timeout: those of
     * an earlier run of this instance (restart) and those of an instance that stopped beating.
     */
    @Test
    void claimsOfACrashedRunAreTakenBackAtOnce() throws Exception {
        String mailbox = MailboxIds.of("confirmaciones", "localhost", "INBOX");
        String myName = cl.seguimientooc.Services.hostName() + ":" + h.webPort;
        List<String> codes = new java.util.ArrayList<>();
        String[] owners = {myName + "#antes-del-kill", "otra-replica:8001#muerta"};
        try (var c = java.sql.DriverManager.getConnection(h.dbUrl)) {
            // a replica that beat once, long ago
            c.createStatement().execute("INSERT INTO service_instance (id, name, heartbeat_at) VALUES "
                    + "('otra-replica:8001#muerta', 'otra-replica:8001', now() - interval '5 minutes')");
            for (String owner : owners) {
                String code = String.valueOf(IDS.incrementAndGet());
                MimeMessage m = mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                        TestPdfs.confirmation(5, "WALVIS S.A.", code, 50_000)));
                try (var ps = c.prepareStatement("INSERT INTO processed_mail (mailbox, dedup_key, message_id, outcome, claimed_by) "
                        + "VALUES (?, ?, ?, 'en_proceso', ?)")) {
                    ps.setString(1, mailbox);
                    ps.setString(2, m.getMessageID());
                    ps.setString(3, m.getMessageID());
                    ps.setString(4, owner);
                    ps.executeUpdate();
                }
                deliver(m);
                codes.add(code);
            }
        }
        for (String code : codes) {
            await("taken over and stored: " + code, () -> h.scalar("SELECT id FROM reservation WHERE reservation_code = ?", code) != null);
        }
        assertEquals(0L, h.scalar("SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso' AND claimed_by = ANY(?)",
                (Object) owners));
    }

    /** The hostile-PDF corpus as confirmations from the allowed sender, through the real mail path. */
    @Test
    void hostilePdfsEndInARecordWithAReasonAndTheMailboxGoesOn() throws Exception {
        byte[] real = TestPdfs.realSample();
        Object[][] corpus = {
                {"PDF-CORRUPTO", "corrupto.pdf", "%PDF-1.7\n%%basura sin estructura".getBytes()},
                {"PDF-TRUNCADO", "truncado.pdf", java.util.Arrays.copyOf(real, 900)},
                {"PDF-VACIO", "vacio.pdf", new byte[0]},
                {"PDF-CIFRADO", "cifrado.pdf", HostilePdfs.encrypted("secreto", "clave", true)},
                {"PDF-SIN-TEXTO", "imagen.pdf", HostilePdfs.encrypted("x", "", false)},
                {"PDF-30MB", "grande.pdf", HostilePdfs.huge(30 * 1024 * 1024)},
                {"PDF-BOMBA", "bomba.pdf", HostilePdfs.decompressionBomb(1L << 30, 2)},
                {"PDF-ACCIONES", "acciones.pdf", HostilePdfs.withActions("Documento con JavaScript")},
                {"PDF-MIL-PAGINAS", "mil.pdf", HostilePdfs.pages(1000, "pagina")},
        };
        for (Object[] item : corpus) {
            String marker = (String) item[0];
            deliver(mail(HOTELSALES, marker, "", Attachment.pdf((String) item[1], (byte[]) item[2])));
            List<Object> row = record(marker);
            assertTrue(List.of("error", "ignorado").contains(row.get(0)), marker + ": " + row);
            assertSpanishReason(row);
            assertTrue((Boolean) row.get(2), marker + " keeps its raw message");
        }
        nextGoodMailIsStored();
        assertEquals(0L, h.scalar("SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso'"));
    }

    /** Faults: the IMAP connection dropped mid-batch, twice. Nothing lost, nothing twice, no false errors. */
    @Test
    void anImapConnectionDroppedMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        String mailbox = "cortes@agencia.cl";
        h.user(mailbox, "cortes", "secreto");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String code = String.valueOf(IDS.incrementAndGet());
            codes.add(code);
            h.append("cortes", "secreto", mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                    TestPdfs.confirmation(i, "WALVIS S.A.", code, 20_000 + i))), false);
        }
        try (cl.seguimientooc.support.ControllableSmtp proxy = new cl.seguimientooc.support.ControllableSmtp(h.imapPort())) {
            // a second mailbox route through the proxy, built from the same template as the real ones
            context.getRegistry().bind("mailLogin-cortes", new cl.seguimientooc.mail.auth.MailLogin(new cl.seguimientooc.config
                    .MailLogins.Login("confirmaciones", "clave", "cortes", "secreto", "", null, null), null));
            context.getRegistry().bind("mailProperties-cortes", MailKeys.javaMailProperties());
            context.addRouteFromTemplate("mail-cortes", "mailbox-reader", java.util.Map.ofEntries(
                    java.util.Map.entry("protocol", "imap"), java.util.Map.entry("host", "localhost"),
                    java.util.Map.entry("port", String.valueOf(proxy.port())), java.util.Map.entry("username", "cortes"),
                    java.util.Map.entry("authenticator", "mailLogin-cortes"), java.util.Map.entry("folder", "INBOX"),
                    java.util.Map.entry("javaMailProperties", "mailProperties-cortes"),
                    java.util.Map.entry("delayMillis", "500"), java.util.Map.entry("maxPerPoll", "20"),
                    java.util.Map.entry("mailboxId", MailboxIds.of("cortes", "localhost", "INBOX")),
                    java.util.Map.entry("roles", "confirmaciones")));
            for (int cut = 1; cut <= 2; cut++) {
                long target = cut * 15L;
                await("some stored before cut " + target, () -> stored(codes) >= target);
                proxy.cutConnections();
            }
            await("all 60 stored after the cuts", () -> stored(codes) == 60);
        } finally {
            context.getRouteController().stopRoute("mail-cortes");
            context.removeRoute("mail-cortes");
        }
        String box = MailboxIds.of("cortes", "localhost", "INBOX");
        assertEquals(60L, h.scalar("SELECT count(*) FROM processed_mail WHERE mailbox = ? AND outcome = 'procesado'", box));
        assertEquals(0L, h.scalar("SELECT count(*) FROM processed_mail WHERE mailbox = ? AND outcome <> 'procesado'", box),
                "a dropped connection is never recorded as the message's error");
        assertEquals(60L, h.scalar("SELECT count(*) FROM reservation_source s JOIN processed_mail p ON p.id = s.processed_mail_id"
                + " WHERE p.mailbox = ?", box), "each stored once");
    }

    long stored(List<String> codes) throws Exception {
        return ((Number) h.scalar("SELECT count(*) FROM reservation WHERE reservation_code = ANY(?)",
                (Object) codes.toArray(String[]::new))).longValue();
    }

    /** A second, different message reusing a Message-ID is processed on its own, with a note; a re-delivery is not. */
    @Test
    void oneMessageIdWithTwoContentsGivesTwoRecords() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage first = mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(6, "WALVIS S.A.", code, 60_000)));
        String id = first.getMessageID();
        deliver(first);
        await("first stored", () -> h.scalar("SELECT id FROM reservation WHERE reservation_code = ?", code) != null);
        String other = String.valueOf(IDS.incrementAndGet());
        MimeMessage second = mail(HOTELSALES, "Confirmación " + other, "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(7, "WALVIS S.A.", other, 61_000)));
        second.setSentDate(new java.util.Date(System.currentTimeMillis() + 3_600_000)); // written an hour later
        second.setHeader("Message-ID", id);
        deliver(second);
        await("second stored too", () -> h.scalar("SELECT id FROM reservation WHERE reservation_code = ?", other) != null);
        assertEquals(2L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", id));
        String reason = (String) h.scalar("SELECT reason FROM processed_mail WHERE message_id = ? AND dedup_key <> ?", id, id);
        assertTrue(reason.contains("mismo Message-ID que un mensaje anterior con otro contenido"), reason);
        deliver(first); // the first message again: a duplicate, not a third record
        deliver(second);
        Thread.sleep(2500);
        assertEquals(2L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", id));
    }
}
