package cl.seguimientooc.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What {@code check-config} prints, and the check the service runs before it starts (no command-line parser loaded). */
public final class ConfigReport {

    private ConfigReport() {
    }

    /** Validates the settings ({@code verbose}: also prints them, secrets hidden): 0, or 2 with one line per key to fix. */
    public static int check(Path workingDir, Map<String, String> env, PrintStream out, PrintStream err, boolean verbose) {
        try {
            Settings settings = Settings.load(Settings.standardLookup(workingDir, env));
            if (verbose) {
                out.println("Configuración válida (claves secretas ocultas):");
                settings.summary().forEach(out::println);
                for (Settings.Mailbox m : List.of(settings.confirmationsMailbox(), settings.ocMailbox())) {
                    out.println("Buzón de " + m.name() + ": " + (m.configured()
                            ? m.username() + "@" + m.host() + ":" + m.port() + "/" + m.folder()
                            : "no configurado (" + m.notConfiguredReason() + ")"));
                }
                out.println("Base de datos: " + (settings.embeddedDatabase()
                        ? "PostgreSQL embebido en ./data/postgres" : "externa"));
            }
            return 0;
        } catch (ConfigException e) {
            err.println("Configuración inválida; corrija estas claves en .env o en el entorno:");
            e.getMessage().lines().forEach(l -> err.println("  - " + l));
            return 2;
        }
    }
}
