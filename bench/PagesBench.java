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
            cl.seguimientooc.cli.Progress load = cl.seguimientooc.cli.Progress.start("Cargando datos", 9, System.err);
            s.execute("INSERT INTO client (name, normalized_name, requires_oc, contact_to) SELECT 'Cliente ' || g, 'CLIENTE ' || g,"
                    + " g % 2 = 0, ARRAY['compras' || g || '@bench.cl'] FROM generate_series(1, 500) g");
            load.done(1);
            s.execute("INSERT INTO reservation (reservation_code, loc_interno, localizador, agency, agency_normalized, client_id,"
                    + " total_amount, currency, layout, status, requires_oc, ladder_started_at, next_step, next_step_at,"
                    + " hotel_name, check_in, check_out, created_at)"
                    + " SELECT 'B' || g, 'L' || g, (900000 + g)::text, 'Cliente ' || (g % 500 + 1), 'CLIENTE ' || (g % 500 + 1),"
                    + " g % 500 + 1, 100000 + g, 'CLP', 'hotelsales-resumen-de-servicios',"
                    + " CASE WHEN g % 10 = 0 THEN 'pendiente' WHEN g % 97 = 0 THEN 'suspendida' WHEN g % 89 = 0 THEN 'revision'"
                    + "      WHEN g % 3 = 0 THEN 'no_requiere_oc' ELSE 'recibida' END,"
                    + " true, TIMESTAMPTZ '2026-07-06 13:00:00+00' - (g % 120) * interval '1 day',"
                    + " CASE WHEN g % 10 = 0 THEN 'recordatorio' END,"
                    + " CASE WHEN g % 10 = 0 THEN TIMESTAMPTZ '2026-07-06 13:00:00+00' + (g % 300) * interval '1 hour' END,"
                    + " 'Hotel ' || (g % 800), DATE '2026-05-01' + (g % 200), DATE '2026-05-03' + (g % 200),"
                    + " TIMESTAMPTZ '2026-07-06 13:00:00+00' - (1000000 - g) * interval '10 seconds'"
                    + " FROM generate_series(1, 1000000) AS g");
            load.done(2);
            s.execute("INSERT INTO reservation_room (reservation_id, room_number, category, adults)"
                    + " SELECT id, 1, 'Doble', 2 FROM reservation");
            load.done(3);
            s.execute("INSERT INTO reservation_guest (room_id, position, guest_type, first_names, last_names)"
                    + " SELECT h.id, 1, 'ADT', 'NOMBRE', 'APELLIDO' || h.reservation_id FROM reservation_room h");
            load.done(4);
            s.execute("INSERT INTO purchase_order (reservation_id, status, oc_number, sender, subject, match_method, created_at, updated_at)"
                    + " SELECT r.id, CASE WHEN r.id % 1000 = 1 THEN 'sin_asignar' ELSE 'asignada' END, 'OC' || r.id, 'x@bench.cl',"
                    + " 'OC ' || r.id, CASE WHEN r.id % 7 = 0 THEN 'manual' ELSE 'codigo' END,"
                    + " TIMESTAMPTZ '2026-07-06 13:00:00+00' - (r.id % 90) * interval '1 day',"
                    + " TIMESTAMPTZ '2026-07-06 13:00:00+00' - (r.id % 90) * interval '1 day'"
                    + " FROM reservation r WHERE r.status = 'recibida' AND r.id % 2 = 0");
            load.done(5);
            s.execute("UPDATE purchase_order SET reservation_id = NULL WHERE status = 'sin_asignar'");
            load.done(6);
            s.execute("INSERT INTO sent_email (reservation_id, kind, step, status, subject, to_addresses, sent_at, claimed_at, message_id)"
                    + " SELECT r.id, x.step, x.step, 'enviado', 'Asunto', ARRAY['a@b.cl'],"
                    + " r.ladder_started_at + x.n * interval '2 days', r.ladder_started_at, '<' || r.id || '-' || x.n || '@bench>'"
                    + " FROM reservation r CROSS JOIN (VALUES (0, 'solicitud_inicial'), (1, 'recordatorio')) AS x(n, step)"
                    + " WHERE r.id % 10 < 3");
            load.done(7);
            s.execute("INSERT INTO processed_mail (mailbox, dedup_key, sender, subject, kind, outcome, reason, received_at)"
                    + " SELECT 'confirmaciones', 'k' || g, 'reservasonline@hotelsales.cl', 'Confirmación ' || g, 'confirmacion',"
                    + " CASE WHEN g % 500 = 0 THEN 'error' ELSE 'procesado' END, NULL,"
                    + " TIMESTAMPTZ '2026-07-06 13:00:00+00' - g * interval '1 minute' FROM generate_series(1, 50000) g");
            load.done(8);
            // a bulk load leaves no visibility map; autovacuum builds it in production, here it is done at once
            s.execute("VACUUM ANALYZE");
            load.done(9);
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
