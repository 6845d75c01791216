package cl.seguimientooc.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replicas started together on a new database each bootstrap ADMIN_USERNAME: exactly one creates it,
 * and none fails to start (ReplicasTest once saw «ya existe el usuario «admin»» and a replica exit).
 */
class UsersBootstrapTest {

    static Database database;
    static NamedParameterJdbcTemplate jdbc;

    @BeforeAll
    static void open() {
        database = Database.openExternal(TestDatabase.newDatabase("oc_bootstrap"), null, null, 8);
        jdbc = new NamedParameterJdbcTemplate(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void replicasBootstrappingAtOnceCreateOneAdminAndAllStart() throws Exception {
        int replicas = 6;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            for (int round = 0; round < 10; round++) {
                jdbc.getJdbcOperations().update("DELETE FROM app_user");
                CyclicBarrier together = new CyclicBarrier(replicas);
                List<Future<Boolean>> created = new ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    created.add(pool.submit(() -> {
                        Users users = new Users(jdbc);
                        together.await();
                        return users.bootstrap("admin", "clave-de-prueba-123");
                    }));
                }
                int creators = 0;
                for (Future<Boolean> f : created) {
                    creators += f.get() ? 1 : 0; // an exception here is a replica that would not start
                }
                assertEquals(1, creators, "round " + round);
                assertEquals(1L, new Users(jdbc).activeAdmins(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
