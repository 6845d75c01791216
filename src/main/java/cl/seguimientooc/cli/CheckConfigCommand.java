package cl.seguimientooc.cli;

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
        return cl.seguimientooc.config.ConfigReport.check(ctx.workingDir(), ctx.env(), ctx.out(), ctx.err(), verbose);
    }
}
