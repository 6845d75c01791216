package cl.seguimientooc.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The start skips Flyway when the schema is at Database.LATEST_MIGRATION: that number must be the newest file's. */
class SchemaVersionTest {

    @Test
    void latestMigrationIsTheNewestFile() throws Exception {
        int newest = 0;
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = version.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(newest, Database.LATEST_MIGRATION, "a new migration: raise Database.LATEST_MIGRATION with it");
    }
}
