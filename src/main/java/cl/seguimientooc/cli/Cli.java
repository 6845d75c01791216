package cl.seguimientooc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code seguimiento-oc COMMAND [options]}. {@code run} (the default) starts the
 * service without going through here, so its start pays nothing for the parser; every other command,
 * and {@code --help} of any, is here, with its help in Spanish.
 */
@Command(name = "seguimiento-oc", mixinStandardHelpOptions = false,
        description = "Seguimiento OC: persigue las órdenes de compra de las reservas de hotel.",
        subcommands = {RunCommand.class, SandboxCommand.class, CheckConfigCommand.class, ExtractCommand.class,
            OfflineCommands.ImportClients.class, OfflineCommands.ExportClients.class, OfflineCommands.Reprocess.class,
            MailCheckCommands.TestImap.class, MailCheckCommands.TestSmtp.class, RenderCommand.class},
        footer = {"", "Sin comando inicia el servicio (run). La configuración viene de application.properties, .env y el entorno.",
            "«seguimiento-oc COMANDO --help» explica cada comando."})
public final class Cli implements Runnable {

    /** Exit code of a usage or configuration error. */
    public static final int USAGE = 2;

    @CommandLine.Mixin
    Help help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where a command runs: its working directory and environment (tests pass their own). */
    public record Context(Path workingDir, Map<String, String> env, PrintStream out, PrintStream err) {
    }

    static Context context = new Context(Path.of("").toAbsolutePath(), System.getenv(), System.out, System.err);

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Runs {@code args} (the command first) and returns the exit code. */
    public static int execute(Context ctx, String... args) {
        context = ctx;
        CommandLine cl = new CommandLine(new Cli());
        spanish(cl);
        cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, rest) -> {
            ctx.err().println("Error: " + SpanishErrors.of(ex));
            ex.getCommandLine().usage(ctx.err());
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            ctx.err().println("Error: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    /** Spanish headings on every command's help. */
    private static void spanish(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
        u.synopsisHeading("Uso: ").descriptionHeading("%n").parameterListHeading("%nArgumentos:%n")
                .optionListHeading("%nOpciones:%n").commandListHeading("%nComandos:%n").abbreviateSynopsis(false);
        cl.getSubcommands().values().forEach(Cli::spanish);
    }

    /** {@code -h}/{@code --help}/{@code --ayuda} on every command. */
    public static final class Help {
        @CommandLine.Option(names = {"-h", "--help", "--ayuda"}, usageHelp = true, description = "Muestra esta ayuda y termina.")
        boolean help;
    }
}
