package cl.seguimientooc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A timer's slot goes to exactly one replica, on a real PostgreSQL, however many ask at once. */
class ClusterTimersTest {

    static Database database;
    static Db db;
    static List<Instance> instances = new ArrayList<>();

    @BeforeAll
    static void open() {
        database = Database.openExternal(TestDatabase.newDatabase("oc_timers"), null, null, 3);
        db = new Db(database.dataSource());
    }

    @AfterAll
    static void close() {
        instances.forEach(Instance::close);
        database.close();
    }

    static ClusterTimers replica(String name) {
        Instance i = new Instance(db, name, 30).start();
        instances.add(i);
        return new ClusterTimers(db, i);
    }

    @Test
    void oneReplicaPerSlotAndAChangedIntervalStartsAfresh() {
        ClusterTimers a = replica("a:8001");
        ClusterTimers b = replica("b:8001");
        assertTrue(a.due("escalera", 3_600_000), "first to ask this hour");
        assertFalse(b.due("escalera", 3_600_000), "the same hour is taken");
        assertFalse(a.due("escalera", 3_600_000), "even by the one that ran it");
        assertTrue(b.due("resumen", 3_600_000), "each timer has its own slots");
        // SCHEDULER_CHECKS_PER_DAY changed: slots of another length are not comparable, so it runs now
        assertTrue(b.due("escalera", 900_000));
        assertFalse(a.due("escalera", 900_000));
        var t = db.jdbc().queryForMap("SELECT t.interval_ms, i.name FROM cluster_timer t JOIN service_instance i"
                + " ON i.id = t.fired_by WHERE t.name = 'escalera'", java.util.Map.of());
        assertEquals(900_000L, ((Number) t.get("interval_ms")).longValue());
        assertEquals("b:8001", t.get("name"));
    }

    @Test
    void manyReplicasAskingAtOnceRunEachSlotOnce() throws Exception {
        int replicas = 6;
        List<ClusterTimers> all = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            all.add(replica("r" + i + ":8001"));
        }
        long interval = 400;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Integer>> wins = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            long until = System.currentTimeMillis() + 4_000;
            for (ClusterTimers t : all) {
                wins.add(pool.submit(() -> {
                    start.await();
                    int won = 0;
                    while (System.currentTimeMillis() < until) {
                        won += t.due("carrera", interval) ? 1 : 0;
                        Thread.sleep(5);
                    }
                    return won;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : wins) {
                total += f.get();
            }
            // 4 s of 400 ms slots: 10 or 11 slots touched, each run by exactly one replica
            assertTrue(total >= 10 && total <= 11, "runs: " + total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerMeansNotNow() {
        Database other = Database.openExternal(TestDatabase.newDatabase("oc_timers_down"), null, null, 3);
        Db down = new Db(other.dataSource());
        Instance i = new Instance(down, "c:8001", 30).start();
        other.close(); // the pool is closed: every query fails
        assertFalse(new ClusterTimers(down, i).due("escalera", 60_000));
        i.close();
    }
}
