package cl.seguimientooc.cli;

import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.Settings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code check-config}: validates every setting and says what the service would run with. */
@Command(name = "check-config", description = {"Valida la configuración (application.properties, .env y el entorno) y termina.",
    "Código de salida 0 si es válida; 2 si no, con una línea por clave a corregir. Nunca muestra secretos."})
public final class CheckConfigCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Cli.Help help;

    @Override
    public Integer call() {
        return check(Cli.context, true);
    }

    /** The validation alone ({@code verbose}: also print the summary); also run before the service starts. */
    public static int check(Cli.Context ctx, boolean verbose) {
        try {
            Settings settings = Settings.load(Settings.standardLookup(ctx.workingDir(), ctx.env()));
            if (verbose) {
                ctx.out().println("Configuración válida (claves secretas ocultas):");
                settings.summary().forEach(ctx.out()::println);
                for (Settings.Mailbox m : List.of(settings.confirmationsMailbox(), settings.ocMailbox())) {
                    ctx.out().println("Buzón de " + m.name() + ": " + (m.configured()
                            ? m.username() + "@" + m.host() + ":" + m.port() + "/" + m.folder()
                            : "no configurado (" + m.notConfiguredReason() + ")"));
                }
                ctx.out().println("Base de datos: " + (settings.embeddedDatabase()
                        ? "PostgreSQL embebido en ./data/postgres" : "externa"));
            }
            return 0;
        } catch (ConfigException e) {
            ctx.err().println("Configuración inválida; corrija estas claves en .env o en el entorno:");
            e.getMessage().lines().forEach(l -> ctx.err().println("  - " + l));
            return Cli.USAGE;
        }
    }
}
