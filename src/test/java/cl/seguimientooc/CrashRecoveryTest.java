package cl.seguimientooc;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import cl.seguimientooc.support.Ports;
import cl.seguimientooc.support.ServiceEnv;
import cl.seguimientooc.support.ServiceProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Defect 9 as an operator meets it: the service is a separate JVM, killed with SIGKILL in the middle
 * of intake and in the middle of sending, then started again. Nothing is lost, nothing is done
 * twice, and the restarted instance takes its claims back at once instead of waiting out a timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {

    static final String HOTELSALES = "reservasonline@hotelsales.cl";
    MailHarness h;

    @BeforeAll
    void infrastructure() {
        h = new MailHarness("oc_crash");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
    }

    @AfterAll
    void stop() {
        h.close();
    }

    Map<String, String> env() {
        return ServiceEnv.on(h.dbUrl, System.getProperty("java.io.tmpdir") + "/oc-crash-data")
                .confirmations("localhost", h.imapPort(), "confirmaciones", "secreto")
                .with("IMAP_CHECK_INTERVAL", "1").with("MAIL_MAX_PER_POLL", "50")
                .with("LADDER_FIRST_RUN_DELAY_MS", "3600000").build();
    }

    @Test
    void killedMidIntakeEveryConfirmationIsStoredOnceRightAfterTheRestart() throws Exception {
        int total = 150;
        for (int i = 0; i < total; i++) {
            String code = String.valueOf(71_000_000 + i);
            h.append("confirmaciones", "secreto", mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                    TestPdfs.confirmation(i, "WALVIS S.A.", code, 10_000 + i))), false);
        }
        int port = Ports.free();
        ServiceProcess first = ServiceProcess.start(port, env());
        await("some stored", () -> count("SELECT count(*) FROM reservation WHERE reservation_code LIKE '7100%'") >= 10);
        first.kill();
        long storedAtKill = count("SELECT count(*) FROM reservation WHERE reservation_code LIKE '7100%'");
        long claimedAtKill = count("SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso'");
        assertTrue(storedAtKill < total, "killed mid-intake (" + storedAtKill + " stored)");

        long restart = System.currentTimeMillis();
        try (ServiceProcess second = ServiceProcess.start(port, env())) {
            await("all stored after the restart", () -> count(
                    "SELECT count(*) FROM reservation WHERE reservation_code LIKE '7100%'") == total);
            long seconds = (System.currentTimeMillis() - restart) / 1000;
            assertTrue(seconds < 60, "taken back at once, not after a stale timeout: " + seconds + " s");
        }
        assertEquals(total, count("SELECT count(*) FROM processed_mail WHERE outcome = 'procesado'"), "each mail recorded once");
        assertEquals(0L, count("SELECT count(*) FROM processed_mail WHERE outcome <> 'procesado'"));
        assertEquals(total, count("SELECT count(*) FROM reservation_source"), "each reservation created once");
        assertEquals(total, count("SELECT count(*) FROM audit_event WHERE action = 'reserva_creada'"));
        System.out.printf("kill -9 a mitad de lectura: %d guardadas y %d reclamadas al morir; todo guardado tras reiniciar%n",
                storedAtKill, claimedAtKill);
    }

    @Test
    void killedMidSendNoLevelGoesOutTwiceAndTheRestIsSentAtOnce() throws Exception {
        Map<String, String> env = ServiceEnv.on(h.dbUrl, System.getProperty("java.io.tmpdir") + "/oc-crash-data")
                .with("LADDER_FIRST_RUN_DELAY_MS", "3600000") // only the ladder here, run through the API
                .smtp("localhost", h.smtpPort()).mondayMorning().build();
        int port = Ports.free();
        int total = 300;
        ServiceProcess first = ServiceProcess.start(port, env);
        var c = first.post("/api/clientes", "{\"nombre\":\"Cliente Caida\",\"requiere_oc\":true,\"correos\":[\"oc@caida.cl\"]}");
        assertTrue(c.statusCode() < 300, c.body());
        long clientId = MailHarness.JSON.readTree(c.body()).get("id").asLong();
        cl.seguimientooc.support.TestReservations.pending(h.dbUrl, clientId, "Cliente Caida", total,
                Instant.parse("2026-07-06T13:30:00Z"));
        CompletableFuture.runAsync(() -> {
            try {
                first.post("/api/process-now", "");
            } catch (Exception e) {
                // the process is killed under it
            }
        });
        await("some sent", () -> count("SELECT count(*) FROM sent_email WHERE status = 'enviado'") >= 20);
        first.kill();
        long sentAtKill = count("SELECT count(*) FROM sent_email WHERE status = 'enviado'");
        long claimedAtKill = count("SELECT count(*) FROM sent_email WHERE status IN ('reclamado', 'enviando')");
        assertTrue(sentAtKill < total, "killed mid-run (" + sentAtKill + " sent)");

        try (ServiceProcess second = ServiceProcess.start(port, env)) {
            long restart = System.currentTimeMillis();
            while (count("SELECT count(*) FROM sent_email WHERE status IN ('enviado', 'incierto')") < total
                    && System.currentTimeMillis() - restart < 60_000) {
                assertEquals(200, second.post("/api/process-now", "").statusCode());
            }
        }
        assertEquals(0L, count("SELECT count(*) FROM sent_email WHERE status NOT IN ('enviado', 'incierto')"),
                "nothing left claimed: taken over at once");
        assertEquals(total, count("SELECT count(*) FROM sent_email WHERE level = 1"), "one request per reservation");
        var inbox = h.greenMail.getUserManager().getUserByEmail("oc@caida.cl");
        int delivered = h.greenMail.getManagers().getImapHostManager().getInbox(inbox).getMessageCount();
        long uncertain = count("SELECT count(*) FROM sent_email WHERE status = 'incierto'");
        assertTrue(delivered <= total && delivered >= total - uncertain, "never twice: " + delivered + " delivered, "
                + uncertain + " uncertain");
        assertEquals(uncertain, count("SELECT count(*) FROM reservation WHERE next_step_at = 'infinity'"),
                "each uncertain send holds its reservation for an admin");
        System.out.printf("kill -9 a mitad de envío: %d enviados y %d reclamados al morir; %d entregados, %d inciertos%n",
                sentAtKill, claimedAtKill, delivered, uncertain);
    }

    long count(String sql) throws Exception {
        return ((Number) h.scalar(sql)).longValue();
    }
}
