package cl.seguimientooc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    private Settings load(Map<String, String> env) {
        return Settings.load(Settings.standardLookup(dir, env));
    }

    @Test
    void defaultsComeFromApplicationProperties() {
        Settings s = load(Map.of());
        assertEquals(8001, s.getInt(Setting.WEB_PORT));
        assertEquals(2, s.getInt(Setting.DAYS_FOR_REMINDER_1));
        assertTrue(s.embeddedDatabase());
        assertFalse(s.confirmationsMailbox().configured());
        assertEquals("sin configurar", s.confirmationsMailbox().notConfiguredReason());
    }

    @Test
    void environmentBeatsDotEnvWhichBeatsDefaults() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                # earlier system's file
                IMAP_HOST=imap.gmail.com
                export IMAP_PORT=143
                SMTP_FROM_NAME="Kontrol Travel - Administración"
                WEB_PORT=9000
                """);
        Settings s = load(Map.of("WEB_PORT", "9100"));
        assertEquals("imap.gmail.com", s.get(Setting.IMAP_HOST));
        assertEquals(143, s.getInt(Setting.IMAP_PORT));
        assertEquals("Kontrol Travel - Administración", s.get(Setting.SMTP_FROM_NAME));
        assertEquals(9100, s.getInt(Setting.WEB_PORT));
    }

    @Test
    void theExampleFileCopiedAsIsIsAValidConfiguration() throws IOException {
        Files.copy(Path.of(".env.example"), dir.resolve(".env"));
        Settings s = load(Map.of());
        assertEquals(993, s.getInt(Setting.IMAP_PORT));
        assertFalse(s.confirmationsMailbox().configured());
    }

    @Test
    void invalidValuesNameTheKeyAndTheFix() {
        Map<String, String> env = new HashMap<>();
        env.put("IMAP_PORT", "abc");
        env.put("DAYS_FOR_REMINDER_1", "4");
        env.put("DAYS_FOR_REMINDER_2", "2");
        env.put("IMAP_USE_SSL", "quizás");
        env.put("ALLOWED_CONFIRMATION_SENDERS", "reservasonline@hotelsales.cl, @kontrol.cl, nadie");
        ConfigException e = assertThrows(ConfigException.class, () -> load(env));
        String m = e.getMessage();
        assertTrue(m.contains("IMAP_PORT=abc: no es un puerto válido"), m);
        assertTrue(m.contains("DAYS_FOR_REMINDER_2=2: debe ser mayor que DAYS_FOR_REMINDER_1=4"), m);
        assertTrue(m.contains("IMAP_USE_SSL=quizás"), m);
        assertTrue(m.contains("«nadie»"), m);
        assertEquals("IMAP_PORT", e.key());
    }

    @Test
    void malformedDatabaseUrlIsRejectedWithoutShowingThePassword() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("DATABASE_URL", "mysql://u:secreto@host/db")));
        assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("secreto"), e.getMessage());
    }

    @Test
    void summaryMasksSecrets() {
        Settings s = load(Map.of("IMAP_PASSWORD", "s3cr3t", "DATABASE_URL", "postgresql://oc:pw-db@db:5432/oc",
                "OAUTH_CLIENT_SECRET", "cs-123", "IMAP_OAUTH_REFRESH_TOKEN", "rt-456"));
        String summary = String.join("\n", s.summary());
        assertFalse(summary.contains("s3cr3t"));
        assertFalse(summary.contains("pw-db") || summary.contains("cs-123") || summary.contains("rt-456"));
        assertTrue(summary.contains("postgresql://oc:****@db:5432/oc"), summary);
    }

    @Test
    void ocMailboxDefaultsToTheConfirmationsMailbox() {
        Settings s = load(Map.of("IMAP_HOST", "imap.empresa.cl", "IMAP_USERNAME", "oc@empresa.cl"));
        assertTrue(s.ocMailbox().configured());
        assertTrue(s.ocMailbox().sameAs(s.confirmationsMailbox()));
        Settings separate = load(Map.of("IMAP_HOST", "imap.empresa.cl", "IMAP_USERNAME", "conf@empresa.cl",
                "OC_INBOX_HOST", "imap.empresa.cl", "OC_INBOX_USERNAME", "oc@empresa.cl"));
        assertFalse(separate.ocMailbox().sameAs(separate.confirmationsMailbox()));
    }

    @Test
    void partiallyConfiguredMailboxIsReportedNotFatal() {
        Settings s = load(Map.of("IMAP_HOST", "imap.empresa.cl"));
        assertFalse(s.confirmationsMailbox().configured());
        assertEquals("falta el usuario", s.confirmationsMailbox().notConfiguredReason());
        assertNull(load(Map.of("IMAP_HOST", "h", "IMAP_USERNAME", "u")).confirmationsMailbox().notConfiguredReason());
    }

    @Test
    void propertyNamesFollowTheEnvironmentNames() {
        assertEquals("days.for.reminder.1", Setting.DAYS_FOR_REMINDER_1.property());
        assertEquals("oc.inbox.use.ssl", Setting.OC_INBOX_USE_SSL.property());
    }

    /** Keys that were read straight from the properties before (ladder.*, oc.*, templates.dir, mail.claim.*). */
    @Test
    void everyKeyIsValidatedWithTheSameMessagesAndItsFix() {
        Map<String, String> env = new HashMap<>();
        env.put("OC_MATCH_THRESHOLD", "0,6");
        env.put("MAIL_CLAIM_STALE_SECONDS", "-5");
        env.put("LADDER_RETRY_MAX_ATTEMPTS", "0");
        env.put("LADDER_FIRST_RUN_DELAY_MS", "-1");
        env.put("TEMPLATES_DIR", dir.resolve("no-existe").toString());
        env.put("LADDER_WINDOW_OPEN", "18:00");
        env.put("LADDER_WINDOW_CLOSE", "09:00");
        env.put("LADDER_SMTP_SSL", "quizas");
        env.put("OC_ACKNOWLEDGE", "talvez");
        env.put("OC_TEST_CLOCK_AT", "2026-07-06T14:00:00Z");
        env.put("OC_TRUSTED_SENDERS", "compras@, @agencia.cl");
        ConfigException e = assertThrows(ConfigException.class, () -> load(env));
        String m = e.getMessage();
        assertTrue(m.contains("OC_MATCH_THRESHOLD=0,6: use punto decimal, no coma: 0.6"), m);
        assertTrue(m.contains("MAIL_CLAIM_STALE_SECONDS=-5: debe ser un número entero mayor que 0"), m);
        assertTrue(m.contains("LADDER_RETRY_MAX_ATTEMPTS=0"), m);
        assertTrue(m.contains("LADDER_FIRST_RUN_DELAY_MS=-1"), m);
        assertTrue(m.contains("TEMPLATES_DIR=") && m.contains("no existe"), "a wrong templates.dir is not silently replaced: " + m);
        assertTrue(m.contains("LADDER_WINDOW_CLOSE=09:00: debe ser posterior a LADDER_WINDOW_OPEN=18:00"), m);
        assertTrue(m.contains("LADDER_SMTP_SSL=quizas: debe ser auto, true o false"), m);
        assertTrue(m.contains("OC_ACKNOWLEDGE=talvez: debe ser true o false"), m);
        assertTrue(m.contains("OC_TEST_CLOCK_AT=2026-07-06T14:00:00Z: requiere OC_TEST_CLOCK=true"), m);
        assertTrue(m.contains("OC_TRUSTED_SENDERS=") && m.contains("«compras@»"), m);
        assertEquals(10, m.lines().count(), m);
    }

    @Test
    void theBundledDirectoriesMayBeMissingButAnExplicitOneMustExist() throws IOException {
        Settings s = load(Map.of("TEMPLATES_DIR", "templates", "LAYOUTS_DIR", "layouts"));
        assertEquals("templates", s.get(Setting.TEMPLATES_DIR));
        Path mine = Files.createDirectories(dir.resolve("mis-plantillas"));
        assertEquals(mine.toString(), load(Map.of("TEMPLATES_DIR", mine.toString())).get(Setting.TEMPLATES_DIR));
        assertEquals(0.75, load(Map.of("OC_MATCH_THRESHOLD", "0.75")).getDouble(Setting.OC_MATCH_THRESHOLD));
    }
}
