import cl.seguimientooc.support.NoDelaySmtpServer;
import cl.seguimientooc.support.Ports;
import cl.seguimientooc.support.ServiceEnv;
import cl.seguimientooc.support.ServiceProcess;
import cl.seguimientooc.support.TestReservations;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ladder across replicas: for each replica count, a fresh database with N levels due (N pending
 * reservations of one client, inside the send window of the test clock), that many replicas
 * (separate JVMs) on it, and the cluster's timer left to run them (one replica takes the tick, the
 * backlog lets the others join). Measures mails/s from the tick to the last send, and checks
 * that each level reached the SMTP server (GreenMail, in this JVM) exactly once.
 * Usage: bench/ladder-replicas.sh [levels] [replica counts]   (PostgreSQL at localhost:5432)
 */
public class LadderReplicasBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        GreenMail greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()});
        greenMail.start();
        NoDelaySmtpServer smtp = NoDelaySmtpServer.start(greenMail.getManagers());
        System.out.println("replicas | levels | sent | delivered | replicas that sent | seconds | mails/s");
        System.out.println("---|---|---|---|---|---|---");
        for (int a = 1; a < Math.max(2, args.length); a++) {
            int replicas = args.length > a ? Integer.parseInt(args[a]) : 1;
            greenMail.purgeEmailFromAllMailboxes();
            String url = cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_ladder_" + replicas);
            List<Integer> ports = new ArrayList<>();
            List<Map<String, String>> envs = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                ports.add(Ports.free());
                envs.add(ServiceEnv.on(url, Files.createTempDirectory("oc-bench-ladder").toString())
                        .smtp("127.0.0.1", smtp.getPort()).mondayMorning().timersAtOnce().build());
            }
            List<ServiceProcess> running = ServiceProcess.startAll(ports, envs);
            var c = running.get(0).post("/api/clientes", "{\"nombre\":\"Cliente Bench\",\"requiere_oc\":true,"
                    + "\"correos\":[\"oc@bench.cl\"]}");
            long clientId = cl.seguimientooc.support.MailHarness.JSON.readTree(c.body()).get("id").asLong();
            TestReservations.pending(url, clientId, "Cliente Bench", n, Instant.parse("2026-07-06T13:30:00Z"));
            try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
                s.execute("VACUUM ANALYZE reservation");
                // the next interval begins now: whichever replica asks first takes the tick
                long start = System.nanoTime();
                s.execute("UPDATE cluster_timer SET slot = slot - 1 WHERE name = 'escalera'");
                long deadline = System.currentTimeMillis() + 900_000;
                while (count(s, "SELECT count(*) FROM sent_email WHERE status = 'enviado'") < n
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                // the timer's clock is the test clock's, so the time is the bench's own: tick to last send
                double seconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(1000);
                long sent = count(s, "SELECT count(*) FROM sent_email WHERE status = 'enviado'");
                long senders = count(s, "SELECT count(DISTINCT sending_by) FROM sent_email");
                int delivered = greenMail.getReceivedMessages().length;
                System.out.printf("%d | %d | %d | %d | %d | %.1f | %.1f%n", replicas, n, sent, delivered, senders, seconds,
                        sent / seconds);
            }
            for (ServiceProcess p : running) {
                p.close();
            }
        }
        smtp.stopService();
        greenMail.stop();
        System.exit(0);
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
