package cl.seguimientooc.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestarts() throws Exception {
        Path pgDir = dataDir.resolve("postgres");
        try (Database db = Database.openEmbedded(pgDir)) {
            assertTrue(db.embedded());
            assertTrue(db.isUp());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO client (name, normalized_name, requires_oc) VALUES ('WALVIS S.A.', 'walvis sa', true)");
            }
        }
        assertTrue(Files.isDirectory(pgDir), "data lives under the given directory");
        try (Database db = Database.openEmbedded(pgDir);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, requires_oc FROM client")) {
            assertTrue(rs.next(), "the row written before the restart is still there");
            assertEquals("WALVIS S.A.", rs.getString(1));
            assertTrue(rs.getBoolean(2));
            assertFalse(rs.next());
        }
    }

    @Test
    void unreachableServerFailsWithAClearMessage() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Database.openExternal("jdbc:postgresql://127.0.0.1:1/nada?connectTimeout=1", "x", "secreto", 0));
        assertTrue(e.getMessage().contains("no se pudo preparar la base de datos"), e.getMessage());
        assertFalse(e.getMessage().contains("secreto"));
    }
}
