package cl.seguimientooc.support;

import cl.seguimientooc.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for tests: {@code -Dtest.db.url=...} when given, else the server at
 * localhost:5432 (user postgres, as on CI), else an embedded one. Each JVM gets a fresh database.
 */
public final class TestDatabase {

    private static String url;
    private static String adminUrl;

    private TestDatabase() {
    }

    /** JDBC URL (with credentials) of an empty database for this test run. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** A superuser connection to the same server's maintenance database (to simulate outages). */
    public static synchronized String adminUrl() {
        url();
        return adminUrl;
    }

    /** Creates another empty database on the same server; returns its URL. */
    public static String newDatabase(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            String db = name + "_" + ProcessHandle.current().pid();
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
            return adminUrl.replaceFirst("/postgres\\?", "/" + db + "?");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
    }

    /** bench/data.sql at {@code n} reservations (the benchmarks' shape), one statement per element. */
    public static String[] benchDataStatements(int n) throws IOException {
        return Files.readString(Path.of("bench/data.sql")).replace("{{n}}", String.valueOf(n))
                .replaceAll("(?m)^--.*\n", "").split(";\\s*\n");
    }

    /** Another database (see {@link #newDatabase}) holding {@link #benchDataStatements} at {@code n} reservations. */
    public static Database withBenchData(String name, int n) throws IOException, SQLException {
        Database database = Database.openExternal(newDatabase(name), null, null, 3);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : benchDataStatements(n)) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        return database;
    }

    private static String start() {
        String given = System.getProperty("test.db.url");
        if (given != null && !given.isBlank()) {
            adminUrl = given.replaceFirst("/[^/?]+\\?", "/postgres?");
            return given;
        }
        String admin = "jdbc:postgresql://localhost:5432/postgres?user=postgres";
        adminUrl = admin;
        try (Connection c = DriverManager.getConnection(admin + "&connectTimeout=2"); Statement s = c.createStatement()) {
            String db = "oc_test_" + ProcessHandle.current().pid();
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, db)));
            return "jdbc:postgresql://localhost:5432/" + db + "?user=postgres";
        } catch (SQLException e) {
            return embedded();
        }
    }

    private static void drop(String admin, String db) {
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        } catch (SQLException e) {
            // the server is going away with us; nothing to clean
        }
    }

    private static String embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("oc-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // best effort at JVM exit
                }
            }));
            adminUrl = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE oc_test");
            }
            return pg.getJdbcUrl("postgres", "oc_test");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("no PostgreSQL for tests: none at localhost:5432 and the embedded one failed", e);
        }
    }
}
