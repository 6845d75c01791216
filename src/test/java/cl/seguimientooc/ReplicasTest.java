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
import cl.seguimientooc.support.TestReservations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three replicas (separate JVMs) on one PostgreSQL and one mail server, as an operator runs them
 * behind a load balancer: every replica reads the mailbox and runs the timers; the database decides
 * who does what. Each level goes out once, each confirmation is stored once, and when a replica is
 * killed (SIGKILL) in the middle of a batch the others finish its work within a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    static final String HOTELSALES = "reservasonline@hotelsales.cl";
    static final String CLIENT_MAILBOX = "oc@replicas.cl";
    MailHarness h;
    final List<ServiceProcess> replicas = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();

    static final int CONFIRMATIONS = 500;

    @BeforeAll
    void start() throws Exception {
        h = new MailHarness("oc_replicas");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        // waiting when the replicas start: polls are IMAP_CHECK_INTERVAL (300 s, the default) apart, so
        // mail that arrived later would wait for the next one
        for (int i = 0; i < CONFIRMATIONS; i++) {
            String code = String.valueOf(72_000_000 + i);
            h.append("confirmaciones", "secreto", mail(HOTELSALES, "Confirmación " + code, "", Attachment.pdf("c.pdf",
                    TestPdfs.confirmation(i, "WALVIS S.A.", code, 10_000 + i))), false);
        }
        List<Map<String, String>> envs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports.add(Ports.free());
            envs.add(env(i));
        }
        replicas.addAll(ServiceProcess.startAll(ports, envs));
    }

    @AfterAll
    void stop() throws Exception {
        for (ServiceProcess r : replicas) {
            r.close();
        }
        h.close();
    }

    Map<String, String> env(int replica) {
        return ServiceEnv.on(h.dbUrl, System.getProperty("java.io.tmpdir") + "/oc-replica-" + replica)
                .confirmations("localhost", h.imapPort(), "confirmaciones", "secreto")
                // the default interval: a killed replica's messages are taken over by the 10 s re-poll, not by luck
                .with("IMAP_CHECK_INTERVAL", "300").with("MAIL_MAX_PER_POLL", "25")
                .smtp("localhost", h.smtpPort()).mondayMorning()
                // the timers as in production, asked every second: once a minute across the cluster
                .timersAtOnce().with("SCHEDULER_CHECKS_PER_DAY", "1440")
                .build();
    }

    @Test
    @Order(1)
    void fiveHundredConfirmationsStoredOnceWhileAReplicaIsKilledMidBatchAndItsWorkTakenOverWithinAMinute() throws Exception {
        int total = CONFIRMATIONS;
        ServiceProcess victim = replicas.get(0);
        String victimId = (String) h.scalar("SELECT id FROM service_instance WHERE name LIKE ?", "%:" + ports.get(0));
        // mid-batch: it holds claims, and much is still to do
        await("the victim holding claims mid-batch", 60, () -> stored() >= 50 && count(
                "SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso' AND claimed_by = ?", victimId) > 0);
        long killedAt = System.currentTimeMillis();
        victim.kill();
        long heldAtKill = count("SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso' AND claimed_by = ?", victimId);
        long storedAtKill = stored();
        await("all stored by the other two", 90, () -> stored() == total
                && count("SELECT count(*) FROM processed_mail WHERE outcome = 'en_proceso'") == 0);
        long takeover = (System.currentTimeMillis() - killedAt) / 1000;
        assertTrue(takeover <= 60, "the killed replica's work taken over within a minute: " + takeover + " s");
        assertEquals(total, count("SELECT count(*) FROM processed_mail WHERE outcome = 'procesado' AND subject LIKE 'Confirmación 7200%'"),
                "each mail recorded once");
        assertEquals(total, count("SELECT count(*) FROM reservation_source s JOIN reservation r ON r.id = s.reservation_id"
                + " WHERE r.reservation_code LIKE '7200%'"), "each reservation created once");
        assertEquals(0L, count("SELECT count(*) FROM processed_mail WHERE outcome = 'error'"));
        // the timers go on without it: the ladder's next interval runs on a survivor
        await("the ladder timer fired by a survivor after the kill", 75, () -> count(
                "SELECT count(*) FROM cluster_timer WHERE name = 'escalera' AND fired_at > to_timestamp(?::double precision / 1000)"
                        + " AND fired_by <> ?", killedAt, victimId) == 1);
        assertTrue(storedAtKill < total && heldAtKill > 0, "killed mid-batch: " + storedAtKill + " stored, " + heldAtKill + " held");
        System.out.printf("kill -9 de 1 de 3 réplicas: %d guardadas y %d reclamadas por ella al morir; las otras terminaron en %d s%n",
                storedAtKill, heldAtKill, takeover);
    }

    @Test
    @Order(2)
    void aThousandDueLevelsAreEachSentOnceByTheTimerOfOneReplicaAndSharedByTheOthers() throws Exception {
        replicas.set(0, ServiceProcess.start(ports.get(0), env(0))); // the killed one is back: three again
        var c = replicas.get(0).post("/api/clientes", "{\"nombre\":\"Cliente Replicas\",\"requiere_oc\":true,\"correos\":[\""
                + CLIENT_MAILBOX + "\"]}");
        assertTrue(c.statusCode() < 300, c.body());
        long clientId = MailHarness.JSON.readTree(c.body()).get("id").asLong();
        int total = 1000;
        TestReservations.pending(h.dbUrl, clientId, "Cliente Replicas", total, Instant.parse("2026-07-06T13:30:00Z"));
        // the next interval begins now (instead of within a minute): whichever replica asks first runs it
        h.query("UPDATE cluster_timer SET slot = slot - 1 WHERE name = 'escalera' RETURNING slot");
        long started = System.currentTimeMillis();
        await("every level sent", 180, () -> count("SELECT count(*) FROM sent_email WHERE status = 'enviado'") == total);
        long seconds = Math.max(1, (System.currentTimeMillis() - started) / 1000);
        Thread.sleep(2000); // anything sent twice would arrive now
        assertEquals(total, h.received(CLIENT_MAILBOX).size(), "each level delivered exactly once");
        assertEquals(total, count("SELECT count(*) FROM sent_email WHERE level = 1"), "one request per reservation");
        assertEquals(0L, count("SELECT count(*) FROM sent_email WHERE status <> 'enviado'"));
        long senders = count("SELECT count(DISTINCT sending_by) FROM sent_email");
        System.out.printf("3 réplicas: %d niveles enviados una vez cada uno en %d s, por %d réplica(s)%n", total, seconds, senders);
    }

    long stored() throws Exception {
        return count("SELECT count(*) FROM reservation WHERE reservation_code LIKE '7200%'");
    }

    long count(String sql, Object... args) throws Exception {
        return ((Number) h.scalar(sql, args)).longValue();
    }
}
