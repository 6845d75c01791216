package cl.seguimientooc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The counts PostgreSQL keeps (status_count, V12) equal a real count after every kind of change: bulk
 * inserts, single and bulk status changes, deletes, rolled-back transactions, and many connections
 * changing statuses at once (each writing its own shard).
 */
class StatusCountTest {

    static Database database;

    @BeforeAll
    static void open() throws Exception {
        database = TestDatabase.withBenchData("oc_counts", 3000);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static final Map<String, String> COUNTED = Map.of(
            "reservation", "SELECT status, count(*) FROM reservation GROUP BY status",
            "purchase_order", "SELECT status, count(*) FROM purchase_order GROUP BY status",
            "sent_email", "SELECT status, count(*) FROM sent_email GROUP BY status",
            "processed_mail", "SELECT outcome, count(*) FROM processed_mail GROUP BY outcome",
            "purchase_order_mes", "SELECT to_char(created_at AT TIME ZONE 'America/Santiago', 'YYYY-MM'), count(*)"
                    + " FROM purchase_order WHERE status = 'asignada' GROUP BY 1");

    static void assertCountsTrue(String when) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (var e : COUNTED.entrySet()) {
                Map<String, Long> real = rows(s, e.getValue());
                Map<String, Long> kept = rows(s, "SELECT status, sum(n) FROM status_count WHERE entity = '" + e.getKey()
                        + "' GROUP BY status HAVING sum(n) <> 0");
                assertEquals(real, kept, e.getKey() + " " + when);
            }
        }
    }

    static Map<String, Long> rows(Statement s, String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static void run(String... sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void theKeptCountsAreTheRealCountsAfterEveryKindOfChange() throws Exception {
        assertCountsTrue("after the bulk load");
        assertFalse(rows(database.dataSource().getConnection().createStatement(),
                "SELECT entity, count(*) FROM status_count GROUP BY entity").isEmpty());
        run("UPDATE reservation SET status = 'recibida' WHERE status = 'pendiente' AND id % 3 = 0",
                "UPDATE reservation SET status = 'cancelada' WHERE id = (SELECT min(id) FROM reservation)",
                "UPDATE reservation SET next_step_at = now() WHERE status = 'pendiente'", // no status change
                "UPDATE purchase_order SET status = 'descartada' WHERE id % 5 = 0",
                "UPDATE purchase_order SET created_at = created_at - interval '40 days' WHERE id % 7 = 0",
                "UPDATE sent_email SET status = 'fallido' WHERE id % 11 = 0",
                "UPDATE processed_mail SET outcome = 'error' WHERE id % 13 = 0",
                "DELETE FROM processed_mail WHERE id % 17 = 0",
                "DELETE FROM sent_email WHERE id % 19 = 0",
                "DELETE FROM purchase_order WHERE id % 23 = 0");
        assertCountsTrue("after updates and deletes");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE reservation SET status = 'suspendida' WHERE status = 'recibida'");
            s.execute("DELETE FROM purchase_order");
            c.rollback();
            c.setAutoCommit(true);
        }
        assertCountsTrue("after a rolled-back transaction");
    }

    @Test
    void manyConnectionsChangingStatusesAtOnceLoseNoChange() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String to = List.of("pendiente", "recibida", "suspendida", "revision").get((worker + i) % 4);
                        run("UPDATE reservation SET status = '" + to + "' WHERE id % 97 = " + ((worker * 7 + i) % 97),
                                "UPDATE processed_mail SET outcome = '" + (i % 2 == 0 ? "error" : "procesado")
                                        + "' WHERE id % 31 = " + (worker + i) % 31);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertCountsTrue("after 8 connections changed statuses at once");
    }

    @Test
    void foldingTheRowsOfClosedConnectionsKeepsEveryCount() throws Exception {
        // connections that open, change statuses and close (as a pool renews them)
        for (int i = 0; i < 5; i++) {
            try (Connection c = java.sql.DriverManager.getConnection(TestDatabase.adminUrl()
                    .replaceFirst("/postgres\\?", "/" + dbName() + "?")); Statement s = c.createStatement()) {
                s.execute("UPDATE reservation SET status = 'revision' WHERE id % 50 = " + i);
            }
        }
        long before = rows(database.dataSource().getConnection().createStatement(),
                "SELECT 'filas', count(*) FROM status_count").get("filas");
        long after = new StatusCounts(new Db(database.dataSource())).compact();
        assertEquals(true, after < before, before + " rows before folding, " + after + " after");
        assertCountsTrue("after folding closed connections' rows");
    }

    static String dbName() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
