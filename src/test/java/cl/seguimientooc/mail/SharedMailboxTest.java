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
import java.util.List;
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
    static java.nio.file.Path ocFiles;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_shared");
        h.user("seguimiento@agencia.cl", "seguimiento", "secreto");
        ocFiles = java.nio.file.Files.createTempDirectory("oc-files");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "seguimiento", "imap.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl", "oc.files.dir", ocFiles.toString(),
                "mail.post.action", "mover", "mail.move.folder", "Procesados", "oc.accept.without.attachment", "true",
                "oc.trusted.senders", "@kontrol.cl");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static void client(String name, String contact) throws Exception {
        var r = h.post("/api/clientes", "application/json",
                "{\"nombre\":\"" + name + "\",\"requiere_oc\":true,\"correos\":[\"" + contact + "\"]}");
        assertTrue(r.statusCode() < 300, r.body());
    }

    String outcome(MimeMessage m) throws Exception {
        return (String) h.scalar("SELECT kind || '/' || outcome FROM processed_mail WHERE message_id = ?", m.getMessageID());
    }

    @Test
    void anOcBeforeItsConfirmationWaitsAndIsMatchedWhenTheReservationAppears() throws Exception {
        h.awaitReady();
        client("EMPRESA X", "compras@empresax.cl");
        MimeMessage oc = mail("compras@empresax.cl", "Orden de compra",
                "Adjuntamos la OC N° 77001 para la reserva 62000001",
                Attachment.pdf("../../etc/passwd.pdf", MailIntakeTest.simplePdf("ORDEN DE COMPRA 77001")),
                new Attachment("Órden de compra Nº 77001 – Pérez.pdf", "application/pdf",
                        MailIntakeTest.simplePdf("OC 77001"), false));
        h.append("seguimiento", "secreto", oc, false);
        await("queued", () -> "oc/procesado".equals(outcome(oc)));
        assertEquals("sin_asignar", h.scalar("SELECT status FROM purchase_order WHERE message_id = ?", oc.getMessageID()));
        for (var row : h.query("SELECT f.file_name, f.stored_path FROM purchase_order_file f JOIN purchase_order o"
                + " ON o.id = f.purchase_order_id WHERE o.message_id = ? ORDER BY f.id", oc.getMessageID())) {
            String name = (String) row.get(0);
            assertTrue(name.matches("[A-Za-z0-9._-]+") && !name.startsWith("."), name);
            assertTrue(java.nio.file.Files.exists(ocFiles.resolve((String) row.get(1))));
        }
        assertEquals(List.of("passwd.pdf", "Orden_de_compra_No_77001_Perez.pdf"),
                h.query("SELECT f.file_name FROM purchase_order_file f JOIN purchase_order o ON o.id = f.purchase_order_id"
                        + " WHERE o.message_id = ? ORDER BY f.id", oc.getMessageID()).stream().map(r -> r.get(0)).toList());

        MimeMessage confirmation = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("c.pdf", TestPdfs.confirmation(23, "EMPRESA X", "62000001", 30_000)));
        h.append("seguimiento", "secreto", confirmation, false);
        await("matched once the reservation exists", () -> "asignada".equals(
                h.scalar("SELECT status FROM purchase_order WHERE message_id = ?", oc.getMessageID())));
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '62000001'"));
    }

    @Test
    void unrelatedMailWithAnAttachmentIsQueuedAndNeverMatched() throws Exception {
        h.awaitReady();
        MimeMessage unrelated = mail("alguien@empresa.cl", "Documento de proceso", "Adjunto el documento 1234",
                new Attachment("proceso.docx", "application/octet-stream", new byte[] {1, 2, 3}, false));
        h.append("seguimiento", "secreto", unrelated, false);
        await("recorded", () -> outcome(unrelated) != null && !outcome(unrelated).endsWith("en_proceso"));
        assertEquals("sin_asignar", h.scalar("SELECT status FROM purchase_order WHERE message_id = ?", unrelated.getMessageID()),
                "kept for a person, never matched to a reservation");
    }

    @Test
    void manualResolutionQueueMarkReceivedPauseAndResume() throws Exception {
        h.awaitReady();
        MimeMessage stray = mail("alguien@empresa.cl", "Adjunto documento", "sin códigos",
                Attachment.pdf("doc.pdf", MailIntakeTest.simplePdf("NADA QUE VER")));
        h.append("seguimiento", "secreto", stray, false);
        await("queued", () -> "sin_asignar".equals(h.scalar("SELECT status FROM purchase_order WHERE message_id = ?",
                stray.getMessageID())));
        long poId = ((Number) h.scalar("SELECT id FROM purchase_order WHERE message_id = ?", stray.getMessageID())).longValue();
        boolean listed = false;
        for (var o : h.getJson("/api/oc/sin-asignar").get("ordenes")) {
            listed |= o.get("id").asLong() == poId && o.at("/archivos/0/nombre").asText().equals("doc.pdf");
        }
        assertTrue(listed);
        assertEquals(200, h.post("/api/oc/" + poId + "/descartar", "application/json", "{\"motivo\":\"no es una OC\"}").statusCode());
        assertEquals("descartada", h.scalar("SELECT status FROM purchase_order WHERE id = ?", poId));
        assertEquals(409, h.post("/api/oc/" + poId + "/asignar", "application/json", "{\"reserva_id\":\"61000002\"}").statusCode());

        assertTrue(h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Empresa Pausa\",\"requiere_oc\":true,\"correos\":[\"oc@pausa.cl\"]}").statusCode() < 300);
        MimeMessage c = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("c.pdf", TestPdfs.confirmation(24, "EMPRESA PAUSA", "63000001", 40_000)));
        h.append("seguimiento", "secreto", c, false);
        await("pending", () -> "pendiente".equals(h.scalar("SELECT status FROM reservation WHERE reservation_code = '63000001'")));
        var paused = h.post("/api/reservas/63000001/pausar", "application/json",
                "{\"motivo\":\"el cliente pidió esperar\",\"hasta\":\"2026-12-15\"}");
        assertEquals(200, paused.statusCode(), paused.body());
        assertEquals("el cliente pidió esperar", h.scalar("SELECT ladder_paused_reason FROM reservation WHERE reservation_code = '63000001'"));
        assertEquals(200, h.post("/api/reservas/63000001/reanudar", "application/json", "").statusCode());
        assertEquals(null, h.scalar("SELECT ladder_paused_reason FROM reservation WHERE reservation_code = '63000001'"));

        var marked = h.post("/api/reservas/63000001/marcar-oc-recibida?numero_oc=OC-12345", "application/json", "");
        assertEquals(200, marked.statusCode(), marked.body());
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '63000001'"));
        assertEquals("OC-12345", h.scalar("SELECT oc_number FROM purchase_order WHERE manual AND reservation_id = "
                + "(SELECT id FROM reservation WHERE reservation_code = '63000001')"));
        assertEquals(409, h.post("/api/reservas/63000001/pausar", "application/json", "{\"motivo\":\"x\"}").statusCode());
        assertEquals(404, h.post("/api/reservas/NO/marcar-oc-recibida", "application/json", "{\"numero_oc\":\"1\"}").statusCode());
    }

    @Test
    void repliesToOurRequestAreRecordedAndClassifiedAndTheSameOcTwiceIsOneReception() throws Exception {
        h.awaitReady();
        assertTrue(h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Empresa Respuestas\",\"requiere_oc\":true,\"correos\":[\"oc@respuestas.cl\"]}").statusCode() < 300);
        MimeMessage c = mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("c.pdf", TestPdfs.confirmation(25, "EMPRESA RESPUESTAS", "64000001", 50_000)));
        h.append("seguimiento", "secreto", c, false);
        await("pending", () -> "pendiente".equals(h.scalar("SELECT status FROM reservation WHERE reservation_code = '64000001'")));
        try (var db = java.sql.DriverManager.getConnection(h.dbUrl)) {
            // the request the ladder sent (its Message-ID is what replies carry)
            db.createStatement().execute("INSERT INTO sent_email (reservation_id, kind, level, status, message_id, to_addresses,"
                    + " subject, sent_at) SELECT id, 'solicitud_inicial', 1, 'enviado', '<req-64000001@agencia.cl>',"
                    + " ARRAY['oc@respuestas.cl'], 'Solicitud de Orden de Compra', now() FROM reservation WHERE reservation_code = '64000001'");
        }
        MimeMessage human = mail("oc@respuestas.cl", "RE: Solicitud de Orden de Compra", "¿Qué número de OC necesitan?");
        human.setHeader("In-Reply-To", "<req-64000001@agencia.cl>");
        MimeMessage away = mail("oc@respuestas.cl", "Respuesta automática: Solicitud de Orden de Compra", "Estoy de vacaciones");
        away.setHeader("In-Reply-To", "<req-64000001@agencia.cl>");
        away.setHeader("Auto-Submitted", "auto-replied");
        for (MimeMessage m : new MimeMessage[] {human, away}) {
            h.append("seguimiento", "secreto", m, false);
        }
        await("replies recorded", () -> "respuesta/procesado".equals(outcome(human)) && "respuesta/procesado".equals(outcome(away)));
        assertTrue(String.valueOf(h.scalar("SELECT reason FROM processed_mail WHERE message_id = ?", away.getMessageID()))
                .contains("respuesta automática"));
        assertTrue(String.valueOf(h.scalar("SELECT ladder_attention FROM reservation WHERE reservation_code = '64000001'"))
                .contains("respondió sin OC"), "a human reply is flagged for an admin");
        assertFalse(h.flags("seguimiento", "secreto", human.getMessageID()).contains(Flags.Flag.SEEN), "left for a person");
        assertEquals("pendiente", h.scalar("SELECT status FROM reservation WHERE reservation_code = '64000001'"),
                "the ladder continues after a human reply");

        MimeMessage bounce = mail("MAILER-DAEMON@respuestas.cl", "Undeliverable: Solicitud de Orden de Compra",
                "550 5.1.1 mailbox unavailable");
        bounce.setHeader("In-Reply-To", "<req-64000001@agencia.cl>");
        h.append("seguimiento", "secreto", bounce, false);
        await("bounce recorded", () -> "respuesta/procesado".equals(outcome(bounce)));
        assertTrue(String.valueOf(h.scalar("SELECT ladder_paused_reason FROM reservation WHERE reservation_code = '64000001'"))
                .contains("rebotado"), "a bounce pauses the ladder");

        byte[] ocPdf = MailIntakeTest.simplePdf("ORDEN DE COMPRA 990011");
        MimeMessage first = mail("oc@respuestas.cl", "OC reserva 64000001", "adjunta", Attachment.pdf("oc.pdf", ocPdf));
        MimeMessage again = mail("oc@respuestas.cl", "OC reserva 64000001 (reenvío)", "adjunta otra vez", Attachment.pdf("oc.pdf", ocPdf));
        h.append("seguimiento", "secreto", first, false);
        h.append("seguimiento", "secreto", again, false);
        await("both OCs processed", () -> "oc/procesado".equals(outcome(first)) && "oc/procesado".equals(outcome(again)));
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '64000001'"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event a JOIN reservation r ON r.id = a.reservation_id"
                + " WHERE r.reservation_code = '64000001' AND a.action = 'oc_recibida'"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event a JOIN reservation r ON r.id = a.reservation_id"
                + " WHERE r.reservation_code = '64000001' AND a.action = 'oc_adicional'"), "the second is an extra document");
    }

    @Test
    void anOcFromAClientWithTwoOpenReservationsAndNoCodeGoesToTheQueueWithBothCandidates() throws Exception {
        h.awaitReady();
        assertTrue(h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Empresa Doble\",\"requiere_oc\":true,\"correos\":[\"oc@doble.cl\"]}").statusCode() < 300);
        for (String code : new String[] {"65000001", "65000002"}) {
            h.append("seguimiento", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                    Attachment.pdf("c.pdf", TestPdfs.confirmation(Long.parseLong(code), "EMPRESA DOBLE", code, 10_000))), false);
        }
        await("both pending", () -> Long.valueOf(2).equals(h.scalar(
                "SELECT count(*) FROM reservation WHERE reservation_code IN ('65000001', '65000002') AND status = 'pendiente'")));
        MimeMessage oc = mail("oc@doble.cl", "Orden de compra", "Adjunto la orden", Attachment.pdf("oc.pdf",
                TestPdfs.simple("ORDEN DE COMPRA")));
        h.append("seguimiento", "secreto", oc, false);
        await("queued", () -> "sin_asignar".equals(h.scalar("SELECT status FROM purchase_order WHERE message_id = ?",
                oc.getMessageID())));
        String candidates = String.valueOf(h.scalar("SELECT candidates::text FROM purchase_order WHERE message_id = ?",
                oc.getMessageID()));
        assertTrue(candidates.contains("65000001") && candidates.contains("65000002"), candidates);
        assertEquals(2L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code IN ('65000001', '65000002')"
                + " AND status = 'pendiente'"), "nothing applied");
    }

    @Test
    void cascadeStepsOnRealMailLowercaseLocCodeOnlyInThePdfInAFileNameAndWithoutAttachment() throws Exception {
        h.awaitReady();
        client("EMPRESA CASCADA", "x@cascada.cl");
        String[][] cases = {{"66000001", "subject"}, {"66000002", "pdf"}, {"66000003", "name"}, {"66000004", "no file"}};
        for (String[] c : cases) {
            h.append("seguimiento", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                    Attachment.pdf("c.pdf", TestPdfs.confirmation(Long.parseLong(c[0]), "EMPRESA CASCADA", c[0], 10_000))), false);
        }
        await("reservations", () -> Long.valueOf(4).equals(h.scalar(
                "SELECT count(*) FROM reservation WHERE reservation_code LIKE '6600000%'")));
        String loc = String.valueOf(h.scalar("SELECT lower(loc_interno) FROM reservation WHERE reservation_code = '66000001'"));
        MimeMessage bySubject = mail("x@cascada.cl", "OC loc " + loc, "", Attachment.pdf("a.pdf", TestPdfs.simple("OC 1")));
        MimeMessage byPdf = mail("x@cascada.cl", "Orden de compra", "adjunta",
                Attachment.pdf("b.pdf", TestPdfs.simple("ORDEN DE COMPRA 2 - RESERVA 66000002")));
        MimeMessage byName = mail("x@cascada.cl", "Orden de compra", "adjunta",
                Attachment.pdf("OC_reserva_66000003.pdf", TestPdfs.simple("ORDEN DE COMPRA 3")));
        MimeMessage noFile = mail("x@cascada.cl", "OC N° 123456 para la reserva 66000004", "(sin adjunto)");
        for (MimeMessage m : new MimeMessage[] {bySubject, byPdf, byName, noFile}) {
            h.append("seguimiento", "secreto", m, false);
        }
        await("matched", () -> Long.valueOf(4).equals(h.scalar(
                "SELECT count(*) FROM reservation WHERE reservation_code LIKE '6600000%' AND status = 'recibida'")));
        assertEquals("asunto", h.scalar("SELECT match_method FROM purchase_order WHERE message_id = ?", bySubject.getMessageID()));
        assertEquals("pdf", h.scalar("SELECT match_method FROM purchase_order WHERE message_id = ?", byPdf.getMessageID()));
        assertEquals("cuerpo", h.scalar("SELECT match_method FROM purchase_order WHERE message_id = ?", byName.getMessageID()));
        assertEquals("123456", h.scalar("SELECT oc_number FROM purchase_order WHERE message_id = ?", noFile.getMessageID()),
                "oc.accept.without.attachment=true: an OC number alone counts");
    }

    @Test
    void oneReaderHandsEachMessageToExactlyOneHandler() throws Exception {
        h.awaitReady();
        assertNull(context.getRoute("mail-oc"), "no second reader on the same inbox");
        client("WALVIS S.A.", "compras@walvis.cl");
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
        assertEquals("oc/procesado", outcome(oc), "handed to the OC handler, not taken as a confirmation");
        assertEquals(2L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code IN ('61000001', '61000002')"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", oc.getMessageID()));
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '61000001'"));
        assertEquals("pendiente", h.scalar("SELECT status FROM reservation WHERE reservation_code = '61000002'"));
        assertEquals("4500012345", h.scalar("SELECT oc_number FROM purchase_order WHERE message_id = ?", oc.getMessageID()));
        assertEquals("asunto", h.scalar("SELECT match_method FROM purchase_order WHERE message_id = ?", oc.getMessageID()));
        String stored = (String) h.scalar("SELECT f.stored_path FROM purchase_order_file f JOIN purchase_order o"
                + " ON o.id = f.purchase_order_id WHERE o.message_id = ?", oc.getMessageID());
        assertTrue(java.nio.file.Files.exists(ocFiles.resolve(stored)), stored);
        await("confirmations and the OC moved", () -> h.flags("seguimiento", "secreto", first.getMessageID()) == null
                && h.flags("seguimiento", "secreto", second.getMessageID()) == null
                && h.flags("seguimiento", "secreto", oc.getMessageID()) == null);
        assertTrue(h.flags("seguimiento", "secreto", "Procesados", first.getMessageID()) != null,
                "post-action mover: the confirmation is in Procesados");

        JsonNode health = h.getJson("/api/health");
        for (JsonNode mailbox : health.get("buzones")) {
            assertEquals("mail-confirmaciones", mailbox.get("ruta").asText(), health.toString());
            assertEquals("started", mailbox.get("estado").asText(), health.toString());
        }
    }

    /** Defect 4: a code in the subject and any attachment from anyone used to stop the ladder. */
    @Test
    void anOcFromAStrangerGoesToTheQueueAndATrustedOneIsApplied() throws Exception {
        h.awaitReady();
        client("EMPRESA CONFIANZA", "compras@confianza.cl");
        for (String[] r : new String[][] {{"67000001", "1"}, {"67000002", "2"}, {"67000003", "3"}}) {
            h.append("seguimiento", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                    Attachment.pdf("c.pdf", TestPdfs.confirmation(Long.parseLong(r[0]), "EMPRESA CONFIANZA", r[0], 10_000))), false);
        }
        await("pending", () -> Long.valueOf(3).equals(h.scalar(
                "SELECT count(*) FROM reservation WHERE reservation_code LIKE '6700000%' AND status = 'pendiente'")));

        MimeMessage stranger = mail("intruso@example.test", "OC reserva 67000001", "", Attachment.pdf("x.pdf", TestPdfs.simple("hola")));
        MimeMessage colleague = mail("ana@confianza.cl", "OC reserva 67000002", "", Attachment.pdf("oc.pdf", TestPdfs.simple("OC")));
        MimeMessage agency = mail("backoffice@kontrol.cl", "OC reserva 67000003", "", Attachment.pdf("oc.pdf", TestPdfs.simple("OC")));
        for (MimeMessage m : new MimeMessage[] {stranger, colleague, agency}) {
            h.append("seguimiento", "secreto", m, false);
        }
        await("all three handled", () -> "oc/procesado".equals(outcome(stranger)) && "oc/procesado".equals(outcome(colleague))
                && "oc/procesado".equals(outcome(agency)));
        assertEquals("pendiente", h.scalar("SELECT status FROM reservation WHERE reservation_code = '67000001'"),
                "a stranger does not stop the ladder");
        assertEquals("sin_asignar", h.scalar("SELECT status FROM purchase_order WHERE message_id = ?", stranger.getMessageID()));
        String reason = (String) h.scalar("SELECT reason FROM purchase_order WHERE message_id = ?", stranger.getMessageID());
        assertTrue(reason.startsWith("remitente no reconocido: intruso@example.test no es contacto de EMPRESA CONFIANZA"), reason);
        boolean candidate = false;
        for (var o : h.getJson("/api/oc/sin-asignar").get("ordenes")) {
            candidate |= o.toString().contains("67000001") && o.toString().contains("remitente no reconocido");
        }
        assertTrue(candidate, "listed in the queue with its candidate and reason");
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '67000002'"),
                "same company domain as the client's contact");
        assertEquals("recibida", h.scalar("SELECT status FROM reservation WHERE reservation_code = '67000003'"),
                "OC_TRUSTED_SENDERS");
    }

    /** An OC for a client that needs none is attached and shown; the reservation keeps its status. */
    @Test
    void anOcForAClientThatNeedsNoneIsAttachedAndTheStatusStays() throws Exception {
        h.awaitReady();
        assertTrue(h.post("/api/clientes", "application/json",
                "{\"nombre\":\"EMPRESA LIBRE\",\"requiere_oc\":false,\"correos\":[\"oc@libre.cl\"]}").statusCode() < 300);
        h.append("seguimiento", "secreto", mail("reservasonline@hotelsales.cl", "Confirmación", "",
                Attachment.pdf("c.pdf", TestPdfs.confirmation(68000001L, "EMPRESA LIBRE", "68000001", 10_000))), false);
        await("stored", () -> "no_requiere_oc".equals(h.scalar("SELECT status FROM reservation WHERE reservation_code = '68000001'")));
        MimeMessage oc = mail("oc@libre.cl", "OC reserva 68000001", "", Attachment.pdf("oc.pdf", TestPdfs.simple("OC")));
        h.append("seguimiento", "secreto", oc, false);
        await("handled", () -> "oc/procesado".equals(outcome(oc)));
        assertEquals("asignada", h.scalar("SELECT status FROM purchase_order WHERE message_id = ?", oc.getMessageID()));
        assertEquals("no_requiere_oc", h.scalar("SELECT status FROM reservation WHERE reservation_code = '68000001'"));
        assertTrue(h.getJson("/api/reservas/68000001").toString().contains("oc_adicional"), "shown on the reservation");
    }

    /** Defect 10: names that sanitise alike, or no name at all, never overwrite each other. */
    @Test
    void filesThatSanitiseAlikeAreAllKept() throws Exception {
        h.awaitReady();
        MimeMessage oc = mail("alguien@otra.cl", "Orden de compra", "sin código",
                new Attachment("OC 1.pdf", "application/pdf", TestPdfs.simple("UNO"), false),
                new Attachment("OC_1.pdf", "application/pdf", TestPdfs.simple("DOS"), false),
                new Attachment(null, "application/octet-stream", new byte[] {1}, false),
                new Attachment(null, "application/octet-stream", new byte[] {2}, false),
                new Attachment("CON.pdf", "application/pdf", TestPdfs.simple("TRES"), false),
                new Attachment("\u202Egnp.pdf", "application/pdf", TestPdfs.simple("RTL"), false),
                new Attachment("x".repeat(300) + ".pdf", "application/pdf", TestPdfs.simple("LARGO"), false));
        h.append("seguimiento", "secreto", oc, false);
        await("queued", () -> "oc/procesado".equals(outcome(oc)));
        var rows = h.query("SELECT f.stored_path, f.sha256 FROM purchase_order_file f JOIN purchase_order o"
                + " ON o.id = f.purchase_order_id WHERE o.message_id = ? ORDER BY f.id", oc.getMessageID());
        assertEquals(7, rows.size());
        assertEquals(7, rows.stream().map(r -> r.get(0)).distinct().count(), "unique stored names");
        for (var r : rows) {
            java.nio.file.Path p = ocFiles.resolve((String) r.get(0));
            assertEquals(r.get(1), cl.seguimientooc.mail.MailContent.sha256(java.nio.file.Files.readAllBytes(p)), "each file intact");
            String name = p.getFileName().toString();
            assertTrue(name.matches("[0-9]+-[0-9]+-[A-Za-z0-9._-]+") && name.length() < 120, name);
            assertFalse(name.matches("(?i)[0-9]+-[0-9]+-con\\.pdf"), name);
        }
    }

    /** Defect 10: a file written in a transaction that rolls back does not stay on disk. */
    @Test
    void filesOfARolledBackTransactionAreRemovedAndTheMailStaysReprocessable() throws Exception {
        h.awaitReady();
        try (var c = java.sql.DriverManager.getConnection(h.dbUrl); var st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION test_fail_file() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'falla de prueba'; END $$");
            st.execute("CREATE TRIGGER test_fail_file BEFORE INSERT ON purchase_order_file FOR EACH ROW "
                    + "WHEN (NEW.original_name = 'falla.pdf') EXECUTE FUNCTION test_fail_file()");
        }
        MimeMessage oc = mail("alguien@rollback.cl", "Orden de compra", "sin código",
                Attachment.pdf("primero.pdf", TestPdfs.simple("UNO")), Attachment.pdf("falla.pdf", TestPdfs.simple("DOS")));
        try {
            h.append("seguimiento", "secreto", oc, false);
            await("recorded as an error", () -> "desconocido/error".equals(outcome(oc)) || "oc/error".equals(outcome(oc)));
        } finally {
            try (var c = java.sql.DriverManager.getConnection(h.dbUrl); var st = c.createStatement()) {
                st.execute("DROP TRIGGER test_fail_file ON purchase_order_file");
            }
        }
        java.util.Set<String> referenced = new java.util.HashSet<>();
        h.query("SELECT stored_path FROM purchase_order_file").forEach(r -> referenced.add((String) r.get(0)));
        try (var files = java.nio.file.Files.walk(ocFiles)) {
            List<String> orphans = files.filter(java.nio.file.Files::isRegularFile)
                    .map(p -> ocFiles.relativize(p).toString().replace('\\', '/')).filter(p -> !referenced.contains(p))
                    .filter(p -> !p.startsWith(".replicas/")).toList(); // the replicas' marks (SharedFolder)
            assertEquals(List.of(), orphans, "no file without its record, no temporary file");
        }
        assertEquals(Boolean.TRUE, h.scalar("SELECT raw_message IS NOT NULL FROM processed_mail WHERE message_id = ?",
                oc.getMessageID()), "the mail stays reprocessable");
        long id = ((Number) h.scalar("SELECT id FROM processed_mail WHERE message_id = ?", oc.getMessageID())).longValue();
        var again = h.post("/api/mensajes/" + id + "/reprocesar", "application/json", "");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(2L, h.scalar("SELECT count(*) FROM purchase_order_file f JOIN purchase_order o ON o.id = f.purchase_order_id"
                + " WHERE o.source_mail_id = ?", id), "both files stored once the fault is gone");
    }
}
