import cl.seguimientooc.support.InProcessService;
import cl.seguimientooc.support.NoDelaySmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Ladder benchmark: 1,000,000 reservations in PostgreSQL, 100,000 pending, 1,000 due. Measures the
 * query that finds the due ones, then the time to send them (POST /api/process-now until done) to a
 * local SMTP server (GreenMail). Usage: bench/ladder.sh   (PostgreSQL at localhost:5432, user postgres)
 */
public class LadderBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("log.level", "WARN");
        String url = cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_ladder"); // localhost:5432, else embedded
        GreenMail greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()});
        greenMail.start();
        NoDelaySmtpServer smtp = NoDelaySmtpServer.start(greenMail.getManagers());

        System.setProperty("database.url", url);
        System.setProperty("data.dir", Files.createTempDirectory("oc-bench").toString());
        System.setProperty("web.port", "18072");
        System.setProperty("smtp.host", "localhost");
        System.setProperty("smtp.port", String.valueOf(smtp.getPort()));
        System.setProperty("smtp.use.tls", "false");
        System.setProperty("smtp.from.email", "seguimiento@agencia.cl");
        System.setProperty("oc.test.clock", "true");
        System.setProperty("oc.test.clock.at", "2026-07-06T14:00:00Z"); // a Monday, 10:00 in Santiago
        InProcessService service = InProcessService.start(18072);
        HttpClient http = HttpClient.newHttpClient();

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("INSERT INTO client (name, normalized_name, requires_oc, contact_to) VALUES "
                    + "('Cliente Bench', 'CLIENTE BENCH', true, ARRAY['compras@bench.cl'])");
            // 1,000,000 reservations: 100,000 pending (1,000 of them due now), the rest settled.
            s.execute("INSERT INTO reservation (reservation_code, loc_interno, agency, agency_normalized, client_id,"
                    + " total_amount, currency, layout, status, requires_oc, ladder_started_at, next_step, next_step_at,"
                    + " hotel_name, check_in, check_out)"
                    + " SELECT 'B' || g, 'L' || g, 'Cliente Bench', 'CLIENTE BENCH', 1, 100000 + g, 'CLP',"
                    + " 'hotelsales-resumen-de-servicios',"
                    + " CASE WHEN g <= 100000 THEN 'pendiente' WHEN g % 3 = 0 THEN 'no_requiere_oc' ELSE 'recibida' END,"
                    + " true, TIMESTAMPTZ '2026-07-06 13:00:00+00',"
                    + " CASE WHEN g <= 100000 THEN 'solicitud_inicial' END,"
                    + " CASE WHEN g <= 1000 THEN TIMESTAMPTZ '2026-07-06 13:00:00+00'"
                    + "      WHEN g <= 100000 THEN TIMESTAMPTZ '2026-07-07 13:00:00+00' + (g % 500) * interval '1 hour' END,"
                    + " 'Hotel Bench', DATE '2026-08-01', DATE '2026-08-03'"
                    + " FROM generate_series(1, 1000000) AS g");
            s.execute("ANALYZE reservation");
            System.out.printf("data: 1,000,000 reservations loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            String due = "SELECT id FROM reservation WHERE status = 'pendiente' AND next_step_at <= TIMESTAMPTZ"
                    + " '2026-07-06 14:00:00+00' ORDER BY next_step_at, id LIMIT 1000";
            double[] ms = new double[20];
            int found = 0;
            for (int i = 0; i < ms.length; i++) {
                long q0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(due)) {
                    found = 0;
                    while (rs.next()) {
                        found++;
                    }
                }
                ms[i] = (System.nanoTime() - q0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("find due: %d rows, median %.2f ms, max %.2f ms (20 runs)%n", found, ms[10], ms[19]);
            try (ResultSet rs = s.executeQuery("EXPLAIN " + due)) {
                while (rs.next()) {
                    System.out.println("  plan: " + rs.getString(1));
                }
            }
        }

        long s0 = System.nanoTime();
        int sent = 0;
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:18072/api/process-now"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            int n = r.body().split("\"estado\":\"enviado\"", -1).length - 1;
            sent += n;
            if (n == 0) {
                break;
            }
        }
        double seconds = (System.nanoTime() - s0) / 1e9;
        long delivered = greenMail.getReceivedMessages().length;
        System.out.printf("send: %d e-mails in %.2f s -> %.1f mails/s (SMTP server received %d)%n", sent, seconds,
                sent / seconds, delivered);
        service.stop();
        smtp.stopService();
        greenMail.stop();
        System.exit(0);
    }
}
