package cl.seguimientooc.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on embedded databases of their own would send everything twice: refused where it can be seen. */
class EmbeddedGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void kubernetesWithoutDatabaseUrlIsRefusedWithWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedGuard.checkEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")));
        assertTrue(e.getMessage().contains("Defina DATABASE_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("una vez por réplica"), e.getMessage());
        assertDoesNotThrow(() -> EmbeddedGuard.checkEnvironment(Map.of("HOME", "/root")));
        assertDoesNotThrow(() -> EmbeddedGuard.checkEnvironment(Map.of("KUBERNETES_SERVICE_HOST", " ")));
    }

    @Test
    void aFolderHeldByAnotherHostOnASharedVolumeIsRefused() {
        Path pg = dataDir.resolve("postgres");
        try (EmbeddedGuard first = EmbeddedGuard.acquire(pg, "replica-a", 4242)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedGuard.acquire(pg, "replica-b", 7));
            assertTrue(e.getMessage().contains("en uso por otra instancia (equipo replica-a, proceso 4242"), e.getMessage());
            assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
        }
        assertFalse(Files.exists(dataDir.resolve("postgres.owner")), "a clean stop frees the folder");
        assertDoesNotThrow(() -> EmbeddedGuard.acquire(pg, "replica-b", 7).close());
    }

    @Test
    void aCrashedOwnerDoesNotHoldTheFolder() throws Exception {
        Path pg = dataDir.resolve("postgres");
        Path owner = dataDir.resolve("postgres.owner");
        // another host that stopped beating (killed, powered off) more than 30 s ago
        Files.writeString(owner, "replica-a\n4242\n");
        Files.setLastModifiedTime(owner, FileTime.from(Instant.now().minusSeconds(45)));
        assertDoesNotThrow(() -> EmbeddedGuard.acquire(pg, "replica-b", 7).close());
        // this host, a process that no longer exists (kill -9), even with a fresh beat
        long dead = new ProcessBuilder("true").start().pid();
        Thread.sleep(200);
        Files.writeString(owner, "replica-b\n" + dead + "\n");
        assertDoesNotThrow(() -> EmbeddedGuard.acquire(pg, "replica-b", 7).close());
        // the same container restarted (same host name and pid): its own folder
        Files.writeString(owner, "replica-b\n7\n");
        assertDoesNotThrow(() -> EmbeddedGuard.acquire(pg, "replica-b", 7).close());
    }

    @Test
    void aRunningEmbeddedDatabaseHoldsItsFolderAgainstAnotherHost() {
        Path pg = dataDir.resolve("postgres");
        try (Database db = Database.openEmbedded(pg)) {
            assertTrue(db.isUp());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedGuard.acquire(pg.toAbsolutePath(), "otro-equipo", 1));
            assertTrue(e.getMessage().contains("está en uso por otra instancia"), e.getMessage());
        }
        assertFalse(Files.exists(dataDir.resolve("postgres.owner")));
    }
}
