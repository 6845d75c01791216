package cl.seguimientooc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code run}: only its help comes through here; {@link cl.seguimientooc.Application} starts the
 * service directly so the parser costs the start nothing.
 */
@Command(name = "run", description = {"Inicia el servicio (es el comando por omisión): lee los buzones, envía la escalera",
    "y atiende el panel, la API y /observe en WEB_PORT (8001). Termina con SIGTERM o Ctrl+C.",
    "Antes de arrancar valida la configuración como check-config (código 2 si es inválida)."})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Cli.Help help;

    @Override
    public Integer call() throws Exception {
        return cl.seguimientooc.Application.runService(Cli.context.workingDir(), java.util.List.of());
    }
}
