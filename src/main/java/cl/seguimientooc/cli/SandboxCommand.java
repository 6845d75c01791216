package cl.seguimientooc.cli;

import cl.seguimientooc.sandbox.Sandbox;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sandbox}: the whole product on this machine, with a mail server, demo data and the test clock. */
@Command(name = "sandbox", description = {"Todo el producto en esta máquina, sin instalar nada: un servidor de correo (IMAP y SMTP),",
    "PostgreSQL embebido, el reloj de prueba, clientes de demostración y confirmaciones generadas. Muestra en",
    "un minuto el ingreso, la solicitud, el recordatorio, una OC que detiene la escalera y el ultimátum; luego",
    "queda atendiendo el panel y acepta órdenes en la consola. Nada sale de la máquina; Ctrl+C lo borra todo.",
    "Ejecútelo desde la carpeta del proyecto (la que tiene routes/ y templates/) o desde cualquier otra."})
public final class SandboxCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Cli.Help help;

    @CommandLine.Option(names = "--puerto", defaultValue = "8001", paramLabel = "PUERTO", description = "Puerto del panel (${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Option(names = "--imap-puerto", defaultValue = "3143", paramLabel = "PUERTO",
            description = "Puerto IMAP del servidor de correo (${DEFAULT-VALUE}; otro libre si está ocupado).")
    int imapPort;

    @CommandLine.Option(names = "--smtp-puerto", defaultValue = "3025", paramLabel = "PUERTO",
            description = "Puerto SMTP del servidor de correo (${DEFAULT-VALUE}; otro libre si está ocupado).")
    int smtpPort;

    @CommandLine.Option(names = "--reservas", defaultValue = "24", paramLabel = "N", description = "Confirmaciones de demostración (${DEFAULT-VALUE}).")
    int reservations;

    @CommandLine.Option(names = "--pausa", defaultValue = "6", paramLabel = "SEGUNDOS",
            description = "Pausa entre los pasos de la demostración (${DEFAULT-VALUE} s), para mirarlos en el panel.")
    int pause;

    @CommandLine.Option(names = "--sin-guion", description = "Solo prepara los datos; los pasos los da usted en la consola.")
    boolean noScript;

    @CommandLine.Option(names = "--detallado", description = "Muestra el log del servicio (INFO) en vez de solo avisos y errores.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (reservations < 1 || reservations > 500) {
            Cli.context.err().println("Error: --reservas debe estar entre 1 y 500");
            return Cli.USAGE;
        }
        return new Sandbox(new Sandbox.Options(port, imapPort, smtpPort, reservations, Math.max(0, pause), !noScript, verbose),
                Cli.context.out()).run(Cli.context.workingDir());
    }
}
