package cl.seguimientooc.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas that do not share OC_FILES_DIR are told apart from replicas that do. */
class SharedFolderTest {

    static Database database;
    static Db db;

    @BeforeAll
    static void open() {
        database = Database.openExternal(TestDatabase.newDatabase("oc_shared_folder"), null, null, 3);
        db = new Db(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Instance replica(String name) {
        Instance i = new Instance(db, name, 30).start();
        // running for more than the minute a replica gets to leave its mark
        db.jdbc().update("UPDATE service_instance SET started_at = now() - interval '2 minutes' WHERE id = :id",
                Map.of("id", i.id()));
        return i;
    }

    @Test
    void aReplicaWhoseMarkIsNotSeenMeansTheFolderIsNotShared(@TempDir Path a, @TempDir Path b) {
        Instance first = replica("uno:8001");
        Instance second = replica("dos:8001");
        try (SharedFolder own = new SharedFolder(a, db, first).mark();
             SharedFolder other = new SharedFolder(b, db, second).mark()) {
            assertEquals(List.of("dos:8001"), own.check(), "each replica on a folder of its own");
            assertEquals(List.of("uno:8001"), other.missing());
            try (SharedFolder same = new SharedFolder(a, db, second).mark()) {
                assertEquals(List.of(), own.check(), "both on one folder");
            }
        } finally {
            first.close();
            second.close();
        }
        Instance third = replica("tres:8001");
        try (SharedFolder alone = new SharedFolder(a, db, third).mark()) {
            assertEquals(List.of(), alone.missing(), "replicas that stopped are not looked for");
        } finally {
            third.close();
        }
    }
}
