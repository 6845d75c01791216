package cl.seguimientooc.mailout;

import static cl.seguimientooc.support.MailHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.support.ControllableSmtp;
import cl.seguimientooc.support.ControllableSmtp.Mode;
import cl.seguimientooc.support.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
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

/** SMTP away, rejecting, runs racing, crashes between claim and send, and an OC arriving mid-way. */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderFailuresTest {

    static MailHarness h;
    static ControllableSmtp smtp;
    static final String MONDAY_10 = "2026-07-06T14:00:00Z";

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_ladder_fail");
        smtp = new ControllableSmtp(h.plainSmtpPort());
        h.configure("smtp.host", "localhost", "smtp.port", String.valueOf(smtp.port()), "smtp.use.tls", "false",
                "smtp.from.email", "seguimiento@agencia.cl", "oc.test.clock", "true");
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
        smtp.mode(Mode.UP);
        clock(MONDAY_10);
        try (Connection db = DriverManager.getConnection(h.dbUrl)) {
            // each test works on its own reservations: earlier tests' ones leave the ladder
            db.createStatement().execute("UPDATE reservation SET status = 'cancelada' WHERE status = 'pendiente'");
        }
    }

    JsonNode processNow() throws Exception {
        return h.processNow();
    }

    void clock(String value) throws Exception {
        h.clock(value);
    }

    int inbox(String address) throws Exception {
        var user = h.greenMail.getUserManager().getUserByEmail(address);
        return user == null ? 0 : h.greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    /** A client with one contact and {@code n} reservations that entered the ladder on Monday at 09:30. */
    List<Long> pending(String client, String contact, int n) throws Exception {
        HttpResponse<String> c = h.post("/api/clientes", "application/json",
                "{\"nombre\":\"" + client + "\",\"requiere_oc\":true,\"correos\":[\"" + contact + "\"]}");
        assertTrue(c.statusCode() < 300, c.body());
        long clientId = MailHarness.JSON.readTree(c.body()).get("id").asLong();
        return cl.seguimientooc.support.TestReservations.pending(h.dbUrl, clientId, client, n,
                Instant.parse("2026-07-06T13:30:00Z"));
    }

    @Test
    void smtpDownThenUpIsRetriedWithBackoffAndSentOnce() throws Exception {
        long id = pending("Cliente Caida", "compras@caida.cl", 1).get(0);
        smtp.mode(Mode.DOWN);
        JsonNode first = processNow();
        assertEquals("error", first.at("/con_error/0/estado").asText(), first.toString());
        assertNotNull(h.scalar("SELECT last_error FROM sent_email WHERE reservation_id = ? AND status = 'error'", id));
        smtp.mode(Mode.UP);
        assertEquals(0, processNow().get("enviados").size(), "waits for its backoff");
        clock("+2m");
        assertEquals(1, processNow().get("enviados").size());
        await("delivered", () -> inbox("compras@caida.cl") == 1);
        assertEquals(2, ((Number) h.scalar("SELECT attempts FROM sent_email WHERE reservation_id = ?", id)).intValue());
        assertEquals(0, processNow().get("enviados").size());
    }

    /** Faults: SMTP away for ten minutes of simulated time, the ladder running every minute meanwhile. */
    @Test
    void smtpDownForTenMinutesLosesNothingAndSendsEachLevelOnce() throws Exception {
        List<Long> ids = pending("Cliente Apagon", "compras@apagon.cl", 5);
        smtp.mode(Mode.DOWN);
        for (int minute = 0; minute < 10; minute++) {
            processNow();
            clock("+1m");
        }
        int attempts = ((Number) h.scalar("SELECT max(attempts) FROM sent_email WHERE reservation_id = ?", ids.get(0))).intValue();
        assertTrue(attempts >= 3 && attempts <= 5, "backoff 1, 2, 4, 8 minutes: " + attempts + " attempts in ten minutes");
        assertEquals(5L, h.scalar("SELECT count(*) FROM sent_email WHERE reservation_id = ANY(?) AND status = 'error'",
                (Object) ids.toArray(Long[]::new)), "every level waiting for its retry, none lost");
        smtp.mode(Mode.UP);
        clock("+10m");
        processNow();
        await("all delivered", () -> inbox("compras@apagon.cl") == 5);
        processNow();
        Thread.sleep(300);
        assertEquals(5, inbox("compras@apagon.cl"), "each level once");
        assertEquals(5L, h.scalar("SELECT count(*) FROM sent_email WHERE reservation_id = ANY(?) AND status = 'enviado'",
                (Object) ids.toArray(Long[]::new)));
    }

    @Test
    void a5xxRejectionStopsRetriesAndFlagsTheReservation() throws Exception {
        long id = pending("Cliente Rechazo", "compras@rechazo.cl", 1).get(0);
        smtp.mode(Mode.REJECT);
        JsonNode run = processNow();
        assertEquals("fallido", run.at("/con_error/0/estado").asText(), run.toString());
        assertTrue(run.at("/con_error/0/error").asText().contains("550"), run.toString());
        assertTrue(String.valueOf(h.scalar("SELECT ladder_attention FROM reservation WHERE id = ?", id)).contains("550"));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event WHERE reservation_id = ? AND action = 'envio_fallido'", id));
        smtp.mode(Mode.UP);
        clock("+3h");
        assertEquals(0, processNow().get("enviados").size(), "a rejected level is not retried automatically");
        assertEquals(0, inbox("compras@rechazo.cl"));
    }

    @Test
    void anOcArrivingBetweenClaimAndSendCancelsTheSend() throws Exception {
        long id = pending("Cliente Oportuno", "compras@oportuno.cl", 1).get(0);
        smtp.mode(Mode.DOWN);
        processNow(); // claimed, not delivered
        try (Connection db = DriverManager.getConnection(h.dbUrl)) {
            db.createStatement().execute("UPDATE reservation SET status = 'recibida' WHERE id = " + id);
        }
        smtp.mode(Mode.UP);
        clock("+2m");
        processNow();
        assertEquals("cancelado", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", id));
        assertEquals(0, inbox("compras@oportuno.cl"));
    }

    @Test
    void aCrashAfterClaimingSendsTheLevelOnceAndACrashMidSendNeverSendsItTwice() throws Exception {
        List<Long> ids = pending("Cliente Caido", "compras@caido.cl", 2);
        try (Connection db = DriverManager.getConnection(h.dbUrl); PreparedStatement ps = db.prepareStatement(
                "INSERT INTO sent_email (reservation_id, kind, step, level, while_pending, status, message_id, from_address,"
                        + " to_addresses, subject, body_html, body_text, template, claimed_at, sending_since)"
                        + " VALUES (?, 'solicitud_inicial', 'solicitud_inicial', 1, true, ?, ?, 'seguimiento@agencia.cl', ARRAY['compras@caido.cl'],"
                        + " 'Solicitud', '<p>hola</p>', 'hola', 'solicitud_inicial', now() - interval '30 minutes', ?)")) {
            // what a run that died right after claiming leaves behind
            ps.setLong(1, ids.get(0));
            ps.setString(2, "reclamado");
            ps.setString(3, "<crash-1@agencia.cl>");
            ps.setTimestamp(4, null);
            ps.executeUpdate();
            // what a run that died while the SMTP server had the message leaves behind
            ps.setLong(1, ids.get(1));
            ps.setString(2, "enviando");
            ps.setString(3, "<crash-2@agencia.cl>");
            ps.setTimestamp(4, Timestamp.from(Instant.parse(MONDAY_10).minusSeconds(1800))); // on the simulated clock
            ps.executeUpdate();
        }
        processNow(); // at once: the claims' process is gone, no stale timeout to wait out
        await("claimed level delivered", () -> inbox("compras@caido.cl") == 1);
        assertEquals("enviado", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", ids.get(0)));
        assertEquals("incierto", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", ids.get(1)),
                "handed to SMTP by a dead process: it may have arrived, so it is not sent again and not counted as sure");
        assertTrue(String.valueOf(h.scalar("SELECT ladder_attention FROM reservation WHERE id = ?", ids.get(1)))
                .contains("interrumpió"));
        assertEquals("infinity", String.valueOf(h.scalar("SELECT next_step_at::text FROM reservation WHERE id = ?", ids.get(1))),
                "the next level waits until an admin resolves it");
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event WHERE reservation_id = ? AND action = 'envio_incierto'",
                ids.get(1)));
        processNow();
        Thread.sleep(500);
        assertEquals(1, inbox("compras@caido.cl"), "neither level sent twice");
        clock("+3d"); // the reminder would be due by now
        processNow();
        assertEquals(1L, h.scalar("SELECT count(*) FROM sent_email WHERE reservation_id = ?", ids.get(1)),
                "no reminder while the request is uncertain");
        // The admin checked with the client and resumes: the ladder goes on from the uncertain send.
        assertEquals(200, h.post("/api/reservas/" + h.scalar("SELECT reservation_code FROM reservation WHERE id = ?", ids.get(1))
                + "/reanudar", "application/json", "").statusCode());
        processNow();
        assertEquals("recordatorio", h.scalar("SELECT kind FROM sent_email WHERE reservation_id = ? AND step = 'recordatorio'", ids.get(1)));
    }

    /** Defect 8: the server accepted the mail, then the database failed; it must not go out again. */
    @Test
    void aDatabaseErrorAfterTheServerAcceptedTheMailNeverSendsItTwice() throws Exception {
        long id = pending("Cliente Registro", "compras@registro.cl", 1).get(0);
        try (Connection db = DriverManager.getConnection(h.dbUrl); var st = db.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS test_break_record (id int)");
            st.execute("INSERT INTO test_break_record VALUES (1)");
            st.execute("CREATE OR REPLACE FUNCTION test_break_record() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.status = 'enviado' AND EXISTS (SELECT 1 FROM test_break_record) THEN "
                    + "RAISE EXCEPTION 'base de datos caída (prueba)'; END IF; RETURN NEW; END $$");
            st.execute("CREATE TRIGGER test_break_record BEFORE UPDATE ON sent_email FOR EACH ROW "
                    + "EXECUTE FUNCTION test_break_record()");
        }
        try {
            processNow();
            await("delivered", () -> inbox("compras@registro.cl") == 1);
            assertEquals("enviando", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", id), "not recorded yet");
            processNow(); // the database still refuses: nothing is sent again, nothing is called uncertain
            assertEquals("enviando", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", id));
        } finally {
            try (Connection db = DriverManager.getConnection(h.dbUrl); var st = db.createStatement()) {
                st.execute("DELETE FROM test_break_record");
            }
        }
        processNow(); // the database is back: the answer kept in memory is recorded
        assertEquals("enviado", h.scalar("SELECT status FROM sent_email WHERE reservation_id = ?", id));
        Thread.sleep(500);
        assertEquals(1, inbox("compras@registro.cl"), "sent exactly once");
        try (Connection db = DriverManager.getConnection(h.dbUrl); var st = db.createStatement()) {
            st.execute("DROP TRIGGER test_break_record ON sent_email");
        }
    }

    @Test
    void parallelRunsSendEachOf200LevelsExactlyOnce() throws Exception {
        pending("Cliente Masivo", "compras@masivo.cl", 200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(this::processNow));
        }
        int sent = 0;
        for (Future<JsonNode> f : runs) {
            for (JsonNode e : f.get().get("enviados")) {
                sent += e.at("/para/0").asText().equals("compras@masivo.cl") ? 1 : 0;
            }
        }
        pool.shutdown();
        assertEquals(200, sent);
        await("200 delivered", () -> inbox("compras@masivo.cl") == 200);
        assertEquals(200L, h.scalar("SELECT count(*) FROM sent_email e JOIN reservation r ON r.id = e.reservation_id"
                + " WHERE r.agency = 'Cliente Masivo' AND e.level = 1 AND e.status = 'enviado'"));
        assertEquals(0, processNow().get("enviados").size());
    }

    List<JsonNode> agendaFor(String code, String until) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : h.getJson("/api/agenda?hasta=" + until).get("agenda")) {
            if (item.get("id_reserva").asText().equals(code)) {
                out.add(item);
            }
        }
        return out;
    }

    @Test
    void agendaAndAdminCalendarChanges() throws Exception {
        pending("Cliente Agenda", "compras@agenda.cl", 1);
        List<JsonNode> steps = agendaFor("CLIENTEAGENDA0", "2026-07-31");
        assertEquals(List.of("solicitud_inicial", "recordatorio", "ultimatum", "suspension"),
                steps.stream().map(n -> n.get("paso").asText()).toList());
        assertEquals("2026-07-08T09:00", steps.get(1).get("fecha_local").asText());
        assertEquals("2026-07-10T09:00", steps.get(2).get("fecha_local").asText());
        assertEquals("2026-07-13T18:00", steps.get(3).get("fecha_local").asText());
        assertEquals(2, agendaFor("CLIENTEAGENDA0", "2026-07-08").size(), "only up to the date asked");

        HttpResponse<String> add = h.post("/api/calendario/feriados", "application/json",
                "{\"fecha\":\"2026-07-08\",\"nombre\":\"Elecciones\"}");
        assertEquals(200, add.statusCode(), add.body());
        try {
            assertEquals("2026-07-09T09:00", agendaFor("CLIENTEAGENDA0", "2026-07-31").get(1).get("fecha_local").asText(),
                    "the reminder moves past the new holiday");
            boolean listed = false;
            for (JsonNode f : h.getJson("/api/calendario?anio=2026").get("feriados")) {
                listed |= f.get("fecha").asText().equals("2026-07-08") && f.get("nombre").asText().equals("Elecciones");
            }
            assertTrue(listed);
        } finally {
            HttpResponse<String> del = h.delete("/api/calendario/feriados/2026-07-08");
            assertEquals(200, del.statusCode(), del.body());
        }
        assertEquals("2026-07-08T09:00", agendaFor("CLIENTEAGENDA0", "2026-07-31").get(1).get("fecha_local").asText());
    }

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @Test
    void manualResendIsRecordedAsSuchAndLeavesTheLadderAlone() throws Exception {
        long id = pending("Cliente Reenvio", "compras@reenvio.cl", 1).get(0);
        assertEquals(1, processNow().get("enviados").size());
        HttpResponse<String> r = h.post("/api/reservas/CLIENTEREENVIO0/reenviar-correo?tipo_correo=solicitud_inicial",
                "application/json", "");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("enviado", MailHarness.JSON.readTree(r.body()).get("estado").asText());
        await("both delivered", () -> inbox("compras@reenvio.cl") == 2);
        assertEquals(1L, h.scalar("SELECT count(*) FROM sent_email WHERE reservation_id = ? AND manual", id));
        assertEquals(1L, h.scalar("SELECT count(*) FROM audit_event WHERE reservation_id = ? AND action = 'reenvio_manual'", id));
        assertEquals(400, h.post("/api/reservas/CLIENTEREENVIO0/reenviar-correo?tipo_correo=otro", "application/json", "")
                .statusCode());
        assertEquals(404, h.post("/api/reservas/NO-EXISTE/reenviar-correo?tipo_correo=solicitud_inicial", "application/json", "")
                .statusCode());
        clock("+2d"); // Wednesday: the automatic reminder still follows the first automatic request
        assertEquals("recordatorio", processNow().at("/enviados/0/tipo").asText());
        HttpResponse<String> old = h.post("/api/reservas/CLIENTEREENVIO0/reenviar-correo?tipo_correo=recordatorio_dia2",
                "application/json", "");
        assertEquals(200, old.statusCode(), "the level's name from before ladder.yaml still works: " + old.body());
        assertEquals("recordatorio", MailHarness.JSON.readTree(old.body()).get("tipo").asText());
    }
}
