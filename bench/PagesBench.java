import cl.seguimientooc.support.InProcessService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Dashboard pages at 1,000,000 reservations: loads the data with generate_series (rooms, guests, 300,000
 * OCs over 90 days, 600,000 sent e-mails, 50,000 messages), then requests each page 5 times to warm up and
 * 30 times measured, on loopback. Usage: bench/pages.sh  (PostgreSQL at localhost:5432, user postgres)
 */
public class PagesBench {

    static final String[] PAGES = {
        "/", "/?fragmento=1", "/reservas", "/reservas?estado=pendiente", "/reservas?q=L777777", "/reservas?q=apellido4242",
        "/reservas?agencia=bench&desde=2026-08-01&hasta=2026-08-31", "/reservas?pagina=2000", "/reservas/B777777",
        "/oc-sin-asignar", "/mensajes", "/mensajes?resultado=error", "/clientes", "/agenda?dias=5", "/calendario",
        "/plantillas?plantilla=recordatorio&reserva=B777777", "/plantillas/vista?plantilla=ultimatum", "/cuenta", "/usuarios",
        "/api/stats", "/api/reservas?estado=pendiente",
    };

    public static void main(String[] args) throws Exception {
        System.setProperty("log.level", "WARN");
        String url = cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_pages");
        System.setProperty("database.url", url);
        System.setProperty("data.dir", Files.createTempDirectory("oc-bench").toString());
        System.setProperty("web.port", "18073");
        System.setProperty("oc.test.clock", "true");
        System.setProperty("oc.test.clock.at", "2026-07-06T14:00:00Z"); // a Monday, 10:00 in Santiago
        InProcessService service = InProcessService.start(18073);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            String[] statements = cl.seguimientooc.support.TestDatabase.benchDataStatements(1_000_000);
            cl.seguimientooc.cli.Progress load = cl.seguimientooc.cli.Progress.start("Cargando datos", statements.length + 1, System.err);
            for (int i = 0; i < statements.length; i++) {
                if (!statements[i].isBlank()) {
                    s.execute(statements[i]);
                }
                load.done(i + 1);
            }
            // a bulk load leaves no visibility map; autovacuum builds it in production, here it is done at once
            s.execute("VACUUM ANALYZE");
            load.done(statements.length + 1);
            load.close();
            System.out.printf("data: 1,000,000 reservations, %s OCs, %s sent e-mails, 50,000 messages, loaded in %.0f s%n",
                    count(s, "purchase_order"), count(s, "sent_email"), (System.nanoTime() - t0) / 1e9);
        }
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("page | median ms | p95 ms | max ms | bytes");
        System.out.println("---|---|---|---|---");
        for (String page : PAGES) {
            double[] ms = new double[30];
            int bytes = 0;
            for (int i = 0; i < 5 + ms.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:18073" + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(page + " -> " + r.statusCode() + ": " + r.body());
                }
                if (i >= 5) {
                    ms[i - 5] = (System.nanoTime() - t) / 1e6;
                }
                bytes = r.body().length();
            }
            Arrays.sort(ms);
            System.out.printf("`%s` | %.1f | %.1f | %.1f | %d%n", page, ms[15], ms[28], ms[29], bytes);
        }
        service.stop();
        System.exit(0);
    }

    static String count(Statement s, String table) throws Exception {
        try (var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return String.format("%,d", rs.getLong(1)).replace(',', '.');
        }
    }
}
