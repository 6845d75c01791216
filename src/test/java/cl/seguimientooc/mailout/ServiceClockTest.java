package cl.seguimientooc.mailout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.db.Database;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated clock on a real PostgreSQL: offsets, instants, and surviving a restart. */
class ServiceClockTest {

    static Database database;
    static Db db;

    @BeforeAll
    static void open() {
        String url = TestDatabase.newDatabase("oc_clock");
        database = Database.openExternal(url, null, null, 3);
        db = new Db(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static void near(Instant expected, Instant actual) {
        assertTrue(Math.abs(Duration.between(expected, actual).toMillis()) < 2000, expected + " vs " + actual);
    }

    @Test
    void setsInstantsAndOffsetsAndSurvivesARestart() {
        ServiceClock clock = new ServiceClock(true, db.jdbc());
        near(Instant.now(), clock.now());
        assertFalse(clock.simulated());
        near(Instant.parse("2026-06-26T14:00:00Z"), clock.set("2026-06-26T14:00:00Z"));
        near(Instant.parse("2026-06-28T14:00:00Z"), clock.set("+2d"));
        near(Instant.parse("2026-06-28T11:00:00Z"), clock.set("-3h"));
        near(Instant.parse("2026-06-28T12:30:00Z"), clock.set("+90m"));
        assertTrue(clock.simulated());

        ServiceClock afterRestart = new ServiceClock(true, db.jdbc());
        near(Instant.parse("2026-06-28T12:30:00Z"), afterRestart.now());

        afterRestart.reset();
        near(Instant.now(), new ServiceClock(true, db.jdbc()).now());
        assertThrows(IllegalArgumentException.class, () -> clock.set("mañana"));
    }

    @Test
    void realClockRefusesToMove() {
        ServiceClock real = ServiceClock.real();
        assertFalse(real.testable());
        assertThrows(IllegalStateException.class, () -> real.set("+1d"));
        assertEquals(false, real.simulated());
    }
}
