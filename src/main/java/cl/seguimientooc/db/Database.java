package cl.seguimientooc.db;

import cl.seguimientooc.config.DatabaseUrl;
import cl.seguimientooc.config.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL: the server named by {@code DATABASE_URL}, or an embedded one whose data
 * lives under {@code data/postgres} and survives restarts. Opens a connection pool and migrates
 * the schema with Flyway before anything else touches it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String EMBEDDED_DB = "oc_seguimiento";
    /** A server still starting (compose, a reboot) gets about a minute before startup gives up. */
    static final int STARTUP_CONNECT_RETRIES = 6;

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final String description;
    /** The embedded data folder's owner file (see {@link EmbeddedGuard}); null for a server. */
    private EmbeddedGuard guard;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool, String description) {
        this.embedded = embedded;
        this.pool = pool;
        this.description = description;
    }

    public static Database open(Settings settings, Path dataDir) {
        int poolSize = settings.getInt(cl.seguimientooc.config.Setting.DATABASE_POOL_SIZE);
        if (settings.embeddedDatabase()) {
            EmbeddedGuard.checkEnvironment(System.getenv());
            return openEmbedded(dataDir.resolve("postgres"), poolSize);
        }
        DatabaseUrl url = settings.databaseUrl();
        return openExternal(url.jdbcUrl(), url.username(), url.password(), STARTUP_CONNECT_RETRIES, poolSize);
    }

    /** The pool size when none is given (tests, tools): DATABASE_POOL_SIZE's default. */
    static final int DEFAULT_POOL_SIZE = 10;

    public static Database openExternal(String jdbcUrl, String user, String password, int connectRetries) {
        return openExternal(jdbcUrl, user, password, connectRetries, DEFAULT_POOL_SIZE);
    }

    public static Database openExternal(String jdbcUrl, String user, String password, int connectRetries, int poolSize) {
        HikariDataSource pool = pool(jdbcUrl, user, password, poolSize);
        return migrated(null, pool, "externa " + DatabaseUrl.mask(jdbcUrl), connectRetries);
    }

    public static Database openEmbedded(Path dataDir) {
        return openEmbedded(dataDir, DEFAULT_POOL_SIZE);
    }

    public static Database openEmbedded(Path dataDir, int poolSize) {
        EmbeddedGuard guard = EmbeddedGuard.acquire(dataDir.toAbsolutePath(), cl.seguimientooc.Services.hostName(),
                ProcessHandle.current().pid());
        try {
            Database db = startEmbedded(dataDir, poolSize);
            db.guard = guard;
            return db;
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
    }

    private static Database startEmbedded(Path dataDir, int poolSize) {
        EmbeddedPostgres pg = null;
        try {
            Files.createDirectories(dataDir.getParent());
            LOG.info("Iniciando PostgreSQL embebido con datos en {}", dataDir.toAbsolutePath());
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            createDatabaseIfMissing(pg.getPostgresDatabase());
            HikariDataSource pool = pool(pg.getJdbcUrl("postgres", EMBEDDED_DB), "postgres", null, poolSize);
            return migrated(pg, pool, "embebida " + dataDir.toAbsolutePath() + " (puerto " + pg.getPort() + ")", 0);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(pg);
            throw new IllegalStateException("no se pudo iniciar el PostgreSQL embebido en " + dataDir.toAbsolutePath()
                    + ": " + e.getMessage() + ". ¿Hay otra instancia usando la misma carpeta? Defina DATABASE_URL para"
                    + " usar un servidor PostgreSQL.", e);
        }
    }

    private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DB + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + EMBEDDED_DB + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("oc-db");
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // Do not fail pool creation when the server is down: Flyway below retries and says why.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "seguimiento-oc");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Short statements only: a cached generic plan of an optional-filter list chose a parallel scan
        // whose worker start-up cost 6 ms for a 0.5 ms page (BENCHMARKS.md, issue 13). A SET rather than
        // a startup option, which PgBouncer refuses; behind PgBouncer in transaction mode the role carries
        // it instead (SCALING.md §3).
        config.setConnectionInitSql("SET max_parallel_workers_per_gather = 0");
        return new HikariDataSource(config);
    }

    /** The newest migration in db/migration (SchemaVersionTest keeps it in step with the files). */
    static final int LATEST_MIGRATION = 13;

    /**
     * The schema's version when it is already {@link #LATEST_MIGRATION} with no failed migration, else
     * -1. Then Flyway (a tenth of the start) is not loaded at all; anything else, including a database
     * that does not answer yet, goes through Flyway, which migrates, validates and retries.
     */
    static int upToDate(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            try (var rs = st.executeQuery("SELECT max(CASE WHEN success THEN version::int END),"
                    + " count(*) FILTER (WHERE NOT success) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                return rs.next() && rs.getInt(1) == LATEST_MIGRATION && rs.getInt(2) == 0 ? LATEST_MIGRATION : -1;
            }
        } catch (SQLException | RuntimeException e) {
            return -1; // no history yet, or no database yet: Flyway decides
        }
    }

    private static Database migrated(EmbeddedPostgres pg, HikariDataSource pool, String description, int connectRetries) {
        if (upToDate(pool) == LATEST_MIGRATION) {
            LOG.info("Base de datos {}: esquema al día (versión {})", description, LATEST_MIGRATION);
            return new Database(pg, pool, description);
        }
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .connectRetries(connectRetries)
                    .connectRetriesInterval(5)
                    .load()
                    .migrate();
            LOG.info("Base de datos {}: esquema en versión {} ({} migraciones aplicadas ahora)", description,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            return new Database(pg, pool, description);
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(pg);
            throw new IllegalStateException("no se pudo preparar la base de datos " + description + ": "
                    + rootMessage(e), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** One connection of its own for this instance's heartbeat (see {@link #heartbeatDataSource}). */
    private HikariDataSource beats;

    /**
     * A one-connection pool for the heartbeat only: when load takes every connection of the main
     * pool, the heartbeat still gets through, so other replicas never take the claims of a replica
     * that is only busy.
     */
    public synchronized DataSource heartbeatDataSource() {
        if (beats == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("oc-latido");
            config.setJdbcUrl(pool.getJdbcUrl());
            config.setUsername(pool.getUsername());
            config.setPassword(pool.getPassword());
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(5_000);
            config.setInitializationFailTimeout(-1);
            config.addDataSourceProperty("ApplicationName", "seguimiento-oc-latido");
            beats = new HikariDataSource(config);
        }
        return beats;
    }

    public boolean embedded() {
        return embedded != null;
    }

    public String description() {
        return description;
    }

    /** True when a query answers within two seconds. */
    public boolean isUp() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (beats != null) {
                beats.close();
            }
        }
        pool.close();
        closeQuietly(embedded);
        if (guard != null) {
            guard.close();
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                LOG.warn("PostgreSQL embebido no se detuvo limpiamente: {}", e.getMessage());
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
