package cl.seguimientooc.mail;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import cl.seguimientooc.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
 * Confirmation intake end to end: GreenMail IMAP, the real mailbox routes and a real PostgreSQL.
 * Confirmations and OCs arrive in two different mailboxes here (see SharedMailboxTest for one).
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIntakeTest {

    static final String HOTELSALES = "reservasonline@hotelsales.cl";
    static MailHarness h;
    static final AtomicLong IDS = new AtomicLong(51_000_000);

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_intake");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        h.user("oc@agencia.cl", "oc", "secreto");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones", "imap.password", "secreto",
                "oc.inbox.host", "localhost", "oc.inbox.port", String.valueOf(h.imapPort()), "oc.inbox.use.ssl", "false",
                "oc.inbox.username", "oc", "oc.inbox.password", "secreto",
                "allowed.confirmation.senders", "@hotelsales.cl, reservas@interna.cl",
                "agencies.requiring.oc", "Empresa Respaldo SpA");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
        await("mailbox routes started", () -> context.getRouteController().getRouteStatus("mail-confirmaciones").isStarted()
                && context.getRouteController().getRouteStatus("mail-oc").isStarted());
    }

    void deliver(MimeMessage m) throws Exception {
        h.append("confirmaciones", "secreto", m, false);
    }

    String id(MimeMessage m) throws Exception {
        return m.getMessageID();
    }

    JsonNode awaitMessage(MimeMessage m) throws Exception {
        String messageId = id(m);
        await("processed " + messageId, () -> {
            Object outcome = h.scalar("SELECT outcome FROM processed_mail WHERE message_id = ?", messageId);
            return outcome != null && !"en_proceso".equals(outcome);
        });
        long pk = ((Number) h.scalar("SELECT id FROM processed_mail WHERE message_id = ?", messageId)).longValue();
        for (JsonNode n : h.getJson("/api/mensajes?limit=500").get("mensajes")) {
            if (n.get("id").asLong() == pk) {
                return n;
            }
        }
        throw new AssertionError("message " + pk + " not listed by /api/mensajes");
    }

    JsonNode reservation(String code) throws Exception {
        return h.getJson("/api/reservas/" + code);
    }

    void client(String json) throws Exception {
        HttpResponse<String> r = h.post("/api/clientes", "application/json", json);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
    }

    @Test
    void realSampleBecomesAReservationAndTheSameMailTwiceIsOneReservation() throws Exception {
        client("{\"nombre\":\"WALVIS S.A.\",\"requiere_oc\":true,\"correos\":[\"compras@walvis.cl\"]}");
        MimeMessage m = mail(HOTELSALES, "Confirmación de Reserva Hotel - ID 45215412", "Adjunto resumen",
                Attachment.pdf("Resumen de servicios.pdf", TestPdfs.realSample()));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("procesado", record.get("resultado").asText(), record.toString());
        assertEquals("confirmacion", record.get("tipo").asText());
        assertTrue(record.get("uid").asLong() > 0, "UID recorded");
        assertTrue(record.get("uid_validity").asLong() > 0, "UIDVALIDITY recorded");

        JsonNode r = reservation("45215412");
        assertEquals("AAFTTAT", r.get("loc_interno").asText());
        assertEquals("723113", r.get("localizador").asText());
        assertEquals("WALVIS S.A.", r.get("agencia").asText());
        assertEquals("Hampton by Hilton Santiago Las Condes", r.get("nombre_hotel").asText());
        assertEquals(0, new BigDecimal("528701.00").compareTo(r.get("monto_total").decimalValue()));
        assertEquals("528701.00", r.get("monto_total").toString(), "amount keeps its scale");
        assertEquals("CLP", r.get("moneda").asText());
        assertEquals("2025-11-27", r.get("fecha_checkin").asText());
        assertEquals("15:00", r.get("hora_llegada").asText());
        assertEquals("2025-11-24", r.get("fecha_limite_cancelacion").asText());
        assertEquals(2, r.get("habitaciones").size());
        assertEquals(2, r.at("/habitaciones/1/huespedes").size());
        assertEquals("pendiente", r.get("estado").asText(), "WALVIS requires an OC and has a contact");
        assertEquals("compras@walvis.cl", r.at("/cliente/correos/0").asText());
        assertEquals(64, r.get("pdf_sha256").asText().length());
        assertEquals(record.get("id").asLong(), r.at("/origen/0/mensaje_id").asLong());
        assertEquals("reserva_creada", r.at("/eventos/0/accion").asText());
        assertNotNull(h.scalar("SELECT d.id FROM document d JOIN reservation r ON r.pdf_document_id = d.id "
                + "WHERE r.reservation_code = '45215412' AND d.sha256 = r.pdf_sha256"));
        assertTrue(h.flags("confirmaciones", "secreto", id(m)).contains(Flags.Flag.SEEN), "post-action: marked read");

        // The very same message delivered again (same Message-ID): skipped, nothing new.
        deliver(m);
        Thread.sleep(2500);
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", id(m)));
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code = '45215412'"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation_source s JOIN reservation r ON r.id = s.reservation_id "
                + "WHERE r.reservation_code = '45215412'"));
    }

    @Test
    void resentReservationWithChangedAmountUpdatesItAndKeepsItsStatusAndLadder() throws Exception {
        client("{\"nombre\":\"Constructora Andes Ltda\",\"requiere_oc\":true,\"correos\":\"oc@andes.cl\"}");
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage first = mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("r.pdf",
                TestPdfs.confirmation(1, "CONSTRUCTORA ANDES LTDA.", code, 100_000)));
        deliver(first);
        awaitMessage(first);
        JsonNode before = reservation(code);
        assertEquals("pendiente", before.get("estado").asText());

        MimeMessage changed = mail(HOTELSALES, "Confirmación " + code + " (modificada)", "", Attachment.pdf("r.pdf",
                TestPdfs.confirmation(1, "CONSTRUCTORA ANDES LTDA.", code, 120_500)));
        deliver(changed);
        JsonNode record = awaitMessage(changed);
        assertEquals("procesado", record.get("resultado").asText());
        assertEquals("actualizada", record.at("/reservas/0/efecto").asText());
        JsonNode after = reservation(code);
        assertEquals("120500.00", after.get("monto_total").toString());
        assertEquals("pendiente", after.get("estado").asText());
        assertEquals(before.get("escalera_iniciada").asText(), after.get("escalera_iniciada").asText(), "ladder not restarted");
        JsonNode update = null;
        for (JsonNode e : after.get("eventos")) {
            if (e.get("accion").asText().equals("reserva_actualizada")) {
                update = e;
            }
        }
        assertNotNull(update, after.toString());
        assertEquals("100000.00", update.at("/detalle/cambios/monto_total/antes").toString());
        assertEquals("120500.00", update.at("/detalle/cambios/monto_total/despues").toString());
        assertEquals(1, update.at("/detalle/cambios").size(), "only the amount changed: " + update);

        MimeMessage identical = mail(HOTELSALES, "Confirmación " + code + " reenviada", "", Attachment.pdf("r.pdf",
                TestPdfs.confirmation(1, "CONSTRUCTORA ANDES LTDA.", code, 120_500)));
        deliver(identical);
        assertEquals("sin_cambios", awaitMessage(identical).at("/reservas/0/efecto").asText());
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code = ?", code));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event a JOIN reservation r ON r.id = a.reservation_id "
                + "WHERE r.reservation_code = ? AND a.action = 'reserva_actualizada'", code));
    }

    @Test
    void aMailSomeoneAlreadyReadIsStillProcessed() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail("Reservas@Interna.cl", "Reserva", "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(2, "WALVIS S.A.", code, 80_000)));
        h.append("confirmaciones", "secreto", m, true);
        assertEquals("procesado", awaitMessage(m).get("resultado").asText());
        reservation(code);
    }

    @Test
    void aMessageWithoutMessageIdIsDeduplicatedByTheHashOfItsBytes() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación sin Message-ID", "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(13, "WALVIS S.A.", code, 70_000)));
        m.removeHeader("Message-ID");
        deliver(m);
        await("processed by hash", () -> "procesado".equals(h.scalar(
                "SELECT outcome FROM processed_mail WHERE dedup_key LIKE 'sha256:%' AND subject = 'Confirmación sin Message-ID'")));
        deliver(m); // the very same bytes again
        Thread.sleep(2500);
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE subject = 'Confirmación sin Message-ID'"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code = ?", code));
    }

    @Test
    void senderNotAllowedIsIgnoredWithTheReasonAndLeftUnread() throws Exception {
        MimeMessage m = mail("alguien@gmail.com", "Confirmación de Reserva", "", Attachment.pdf("c.pdf",
                TestPdfs.confirmation(3, "WALVIS S.A.", String.valueOf(IDS.incrementAndGet()), 90_000)));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("ignorado", record.get("resultado").asText());
        assertTrue(record.get("motivo").asText().contains("remitente no autorizado"), record.toString());
        assertTrue(record.get("motivo").asText().contains("alguien@gmail.com"));
        assertFalse(flagsOf(m).contains(Flags.Flag.SEEN), "not ours: left as it was");
    }

    @Test
    void mailWithoutPdfIsIgnored() throws Exception {
        MimeMessage m = mail(HOTELSALES, "Confirmación de Reserva Hotel", "Sin adjunto",
                new Attachment("foto.png", "image/png", new byte[] {1, 2, 3}, true));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("ignorado", record.get("resultado").asText());
        assertEquals("sin PDF adjunto", record.get("motivo").asText());
        assertFalse(flagsOf(m).contains(Flags.Flag.SEEN));
    }

    @Test
    void corruptPdfIsAnErrorWithTheRawMessageAndCanBeReprocessed() throws Exception {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.ISO_8859_1);
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("roto.pdf", corrupt));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("error", record.get("resultado").asText(), record.toString());
        assertTrue(record.get("error").asText().contains("roto.pdf"), record.toString());
        assertTrue(record.get("reprocesable").asBoolean());
        assertFalse(flagsOf(m).contains(Flags.Flag.SEEN), "a failure stays unread for a person to see");

        HttpResponse<String> again = h.post("/api/mensajes/" + record.get("id").asLong() + "/reprocesar", "application/json", "");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("error", MailHarness.JSON.readTree(again.body()).get("resultado").asText());
        assertEquals(2, ((Number) h.scalar("SELECT attempts FROM processed_mail WHERE id = ?", record.get("id").asLong())).intValue());
        assertEquals(404, h.post("/api/mensajes/999999999/reprocesar", "application/json", "").statusCode());
    }

    @Test
    void pdfInAnUnknownLayoutIsIgnoredButKeptForANewTemplate() throws Exception {
        MimeMessage m = mail(HOTELSALES, "Factura", "", Attachment.pdf("factura.pdf", simplePdf("FACTURA ELECTRONICA N 123")));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("ignorado", record.get("resultado").asText());
        assertTrue(record.get("motivo").asText().contains("formato de confirmación reconocido"), record.toString());
        assertTrue(record.get("reprocesable").asBoolean());
        assertEquals("formato_no_reconocido", record.at("/adjuntos/0/resultado").asText());
    }

    @Test
    void twoPdfsInOneMailGiveTwoReservations() throws Exception {
        String a = String.valueOf(IDS.incrementAndGet());
        String b = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmaciones", "",
                Attachment.pdf("a.pdf", TestPdfs.confirmation(4, "WALVIS S.A.", a, 10_000)),
                new Attachment("=?UTF-8?Q?Resumen_reserva_n=C2=BA2.pdf?=", "application/octet-stream",
                        TestPdfs.confirmation(5, "WALVIS S.A.", b, 20_000), true));
        deliver(m);
        JsonNode record = awaitMessage(m);
        assertEquals("procesado", record.get("resultado").asText(), record.toString());
        assertEquals(2, record.get("reservas").size());
        reservation(a);
        reservation(b);
        assertEquals("Resumen reserva nº2.pdf", record.at("/adjuntos/1/archivo").asText(), "MIME-encoded name decoded");
    }

    @Test
    void clientNameVariantsAreOneClient() throws Exception {
        client("{\"nombre\":\"Minera Los Pelambres S.A.\",\"requiere_oc\":false}");
        String a = String.valueOf(IDS.incrementAndGet());
        String b = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmaciones", "",
                Attachment.pdf("a.pdf", TestPdfs.confirmation(6, "MINERA LOS PELAMBRES SA", a, 10_000)),
                Attachment.pdf("b.pdf", TestPdfs.confirmation(7, "Minera Los Pelambres S A", b, 20_000)));
        deliver(m);
        awaitMessage(m);
        JsonNode ra = reservation(a);
        JsonNode rb = reservation(b);
        assertEquals("no_requiere_oc", ra.get("estado").asText());
        assertEquals(ra.at("/cliente/id").asLong(), rb.at("/cliente/id").asLong());
        assertEquals("Minera Los Pelambres S.A.", rb.at("/cliente/nombre").asText());
    }

    @Test
    void unknownAgencyGoesToReviewIsListedAndLeavesReviewWhenTheClientIsAdded() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("a.pdf",
                TestPdfs.confirmation(8, "Agencia Nunca Vista Ltda", code, 10_000)));
        deliver(m);
        awaitMessage(m);
        JsonNode r = reservation(code);
        assertEquals("revision", r.get("estado").asText());
        assertTrue(r.get("motivo_estado").asText().contains("desconocida"));
        boolean listed = false;
        for (JsonNode u : h.getJson("/api/clientes").get("agencias_desconocidas")) {
            listed |= u.get("agencia").asText().equals("Agencia Nunca Vista Ltda");
        }
        assertTrue(listed, "listed for an admin");
        assertTrue(h.getJson("/api/reservas?estado=revision").get("total").asInt() >= 1);

        client("{\"nombre\":\"AGENCIA NUNCA VISTA LTDA.\",\"requiere_oc\":false}");
        assertEquals("no_requiere_oc", reservation(code).get("estado").asText());
    }

    @Test
    void clientWithoutContactWaitsAndEntersTheLadderWhenAContactIsAdded() throws Exception {
        client("{\"nombre\":\"Servicios Mineros Norte SpA\",\"requiere_oc\":true}");
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("a.pdf",
                TestPdfs.confirmation(9, "SERVICIOS MINEROS NORTE SPA", code, 10_000)));
        deliver(m);
        awaitMessage(m);
        assertEquals("sin_contacto", reservation(code).get("estado").asText());

        client("{\"nombre\":\"Servicios Mineros Norte SpA\",\"correos\":[\"abastecimiento@smn.cl\"]}");
        JsonNode r = reservation(code);
        assertEquals("pendiente", r.get("estado").asText());
        assertFalse(r.get("escalera_iniciada").isNull());
        boolean audited = false;
        for (JsonNode e : r.get("eventos")) {
            audited |= e.get("accion").asText().equals("estado_cambiado")
                    && e.at("/detalle/antes").asText().equals("sin_contacto");
        }
        assertTrue(audited, r.toString());
    }

    @Test
    void agencyOnlyInTheFallbackListRequiresAnOcButHasNoContact() throws Exception {
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("a.pdf",
                TestPdfs.confirmation(10, "EMPRESA RESPALDO SPA", code, 10_000)));
        deliver(m);
        awaitMessage(m);
        assertEquals("sin_contacto", reservation(code).get("estado").asText());
    }

    @Test
    void databaseOutageWhileMailWaitsLosesNothingAndProcessesOnce() throws Exception {
        String db = h.dbUrl.replaceAll(".*/([^/?]+)\\?.*", "$1");
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("a.pdf",
                TestPdfs.confirmation(11, "WALVIS S.A.", code, 10_000)));
        try (Connection admin = DriverManager.getConnection(TestDatabase.adminUrl()); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            try {
                deliver(m);
                Thread.sleep(3000); // several polls fail meanwhile
                assertFalse(flagsOf(m).contains(Flags.Flag.SEEN), "nothing done to the message while the database is down");
                assertEquals(503, h.get("/api/health").statusCode());
            } finally {
                s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            }
        }
        JsonNode record = awaitMessage(m);
        assertEquals("procesado", record.get("resultado").asText(), record.toString());
        reservation(code);
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", id(m)));
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation_source s JOIN reservation r ON r.id = s.reservation_id "
                + "WHERE r.reservation_code = ?", code));
    }

    @Test
    void databaseDroppedInTheMiddleOfAMessageIsRetriedAndStoresItOnce() throws Exception {
        String db = h.dbUrl.replaceAll(".*/([^/?]+)\\?.*", "$1");
        try (Connection c = DriverManager.getConnection(h.dbUrl); Statement s = c.createStatement()) {
            // Holds the reservation INSERT long enough to cut the connection under it.
            s.execute("CREATE OR REPLACE FUNCTION test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$");
            s.execute("CREATE TRIGGER test_slow_insert BEFORE INSERT ON reservation FOR EACH ROW "
                    + "WHEN (NEW.agency = 'AGENCIA LENTA SPA') EXECUTE FUNCTION test_slow_insert()");
        }
        String code = String.valueOf(IDS.incrementAndGet());
        MimeMessage m = mail(HOTELSALES, "Confirmación", "", Attachment.pdf("a.pdf",
                TestPdfs.confirmation(12, "AGENCIA LENTA SPA", code, 10_000)));
        deliver(m);
        try (Connection admin = DriverManager.getConnection(TestDatabase.adminUrl()); Statement s = admin.createStatement()) {
            await("reservation insert in flight", () -> {
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db
                        + "' AND wait_event = 'PgSleep'")) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            });
            s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
                Thread.sleep(300);
            } finally {
                s.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            }
        }
        JsonNode record = awaitMessage(m);
        assertEquals("procesado", record.get("resultado").asText(), record.toString());
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation WHERE reservation_code = ?", code));
        assertEquals(1L, h.scalar("SELECT count(*) FROM reservation_source s JOIN reservation r ON r.id = s.reservation_id "
                + "WHERE r.reservation_code = ?", code));
        assertEquals(1L, h.scalar("SELECT count(*) FROM processed_mail WHERE message_id = ?", id(m)));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event a JOIN reservation r ON r.id = a.reservation_id "
                + "WHERE r.reservation_code = ? AND a.action = 'reserva_creada'", code));
    }

    @Test
    void clientListImportsIdempotentlyAndExports() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/fixtures/clientes.csv"));
        JsonNode first = MailHarness.JSON.readTree(h.post("/api/clientes/importar", "text/csv", csv).body());
        assertEquals(0, first.get("con_error").asInt(), first.toString());
        int total = first.get("creados").asInt() + first.get("actualizados").asInt() + first.get("sin_cambios").asInt();
        assertEquals(csv.strip().split("\n").length - 1, total);
        JsonNode second = MailHarness.JSON.readTree(h.post("/api/clientes/importar", "text/csv", csv).body());
        assertEquals(0, second.get("creados").asInt());
        assertEquals(0, second.get("actualizados").asInt());
        assertEquals(total, second.get("sin_cambios").asInt());
        HttpResponse<String> export = h.get("/api/clientes/exportar");
        assertEquals(200, export.statusCode());
        assertTrue(export.body().startsWith("nombre_agencia,requiere_oc,"), export.body());
        assertTrue(export.body().contains("\nTRICOLOR,NO,"), export.body());
        JsonNode bad = MailHarness.JSON.readTree(h.post("/api/clientes/importar", "text/csv",
                "nombre_agencia,requiere_oc\nX,QUIZAS\n").body());
        assertEquals(1, bad.get("con_error").asInt());

        // A client's own ladder: through the API, checked against ladder.yaml, and out and back through the CSV.
        assertEquals(201, h.post("/api/clientes", "application/json", "{\"nombre\":\"Escalera Propia\",\"requiere_oc\":true,"
                + "\"dias_escalera\":{\"recordatorio\":3},\"omitir_niveles\":[\"ultimatum\"]}").statusCode());
        HttpResponse<String> unknown = h.post("/api/clientes", "application/json",
                "{\"nombre\":\"Escalera Mala\",\"requiere_oc\":true,\"escalera\":\"vip\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("la escalera «vip» no existe"), unknown.body());
        String exported = h.get("/api/clientes/exportar").body();
        assertTrue(exported.contains("\nEscalera Propia,SI,,,SI,,,,recordatorio=3,ultimatum\n"), exported);
        JsonNode viaCsv = MailHarness.JSON.readTree(h.post("/api/clientes/importar", "text/csv",
                "nombre_agencia,requiere_oc,escalera,omitir_niveles\nEscalera Propia,SI,sin_suspension,\n"
                        + "Escalera Mala,SI,,recordatorio;nada\n").body());
        assertEquals(1, viaCsv.get("actualizados").asInt(), viaCsv.toString());
        assertEquals(1, viaCsv.get("con_error").asInt(), viaCsv.toString());
        assertTrue(viaCsv.toString().contains("no existe el nivel «nada»"), viaCsv.toString());
        assertTrue(h.getJson("/api/clientes?limit=500").toString().contains("\"escalera\":\"sin_suspension\""));
    }

    @Test
    void readApiValidatesItsParameters() throws Exception {
        assertEquals(400, h.get("/api/reservas?estado=perdida").statusCode());
        HttpResponse<String> badDate = h.get("/api/reservas?desde=ayer");
        assertEquals(400, badDate.statusCode());
        assertEquals("«desde» no es válido (recibido «ayer»): se espera una fecha AAAA-MM-DD",
                MailHarness.JSON.readTree(badDate.body()).get("error").asText());
        HttpResponse<String> badNumber = h.get("/api/reservas?limit=muchos");
        assertEquals(400, badNumber.statusCode());
        assertTrue(badNumber.body().contains("«limit» no es válido (recibido «muchos»): se espera un número entero"), badNumber.body());
        String badStatus = h.get("/api/reservas?estado=perdida").body();
        assertTrue(badStatus.contains("se espera uno de: no_requiere_oc, pendiente"), badStatus);
        assertEquals(400, h.get("/api/reservas?limit=0").statusCode());
        assertEquals(404, h.get("/api/reservas/NO-EXISTE").statusCode());
        JsonNode stats = h.getJson("/api/stats");
        assertTrue(stats.has("por_estado") && stats.at("/por_estado/pendiente").isNumber(), stats.toString());
        JsonNode page = h.getJson("/api/reservas?limit=1&offset=0");
        assertTrue(page.get("reservas").size() <= 1);
        // The client list and the OC queue are paged too (defect 11).
        client("{\"nombre\":\"Paginada Uno\",\"requiere_oc\":false}");
        client("{\"nombre\":\"Paginada Dos\",\"requiere_oc\":false}");
        JsonNode clients = h.getJson("/api/clientes?limit=1&offset=1");
        assertEquals(1, clients.get("clientes").size(), clients.toString());
        assertTrue(clients.get("total").asInt() >= 2, clients.toString());
        assertEquals(1, clients.get("offset").asInt());
        JsonNode queue = h.getJson("/api/oc/sin-asignar?limit=1");
        assertTrue(queue.get("ordenes").size() <= 1 && queue.has("total"), queue.toString());
        assertEquals(400, h.get("/api/clientes?limit=501").statusCode());
        assertEquals(400, h.get("/api/oc/sin-asignar?offset=-1").statusCode());
    }

    Flags flagsOf(MimeMessage m) throws Exception {
        return h.flags("confirmaciones", "secreto", id(m));
    }

    static byte[] simplePdf(String text) {
        return TestPdfs.simple(text);
    }
}
