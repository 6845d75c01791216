package cl.seguimientooc;

import cl.seguimientooc.cli.Cli;
import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.main.Main;

/**
 * Seguimiento OC. {@code run} (the default) starts the service; every other command (check-config,
 * extract, import-clients, test-imap, render, …; {@code --help} lists them) is in {@link Cli}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        // Before anything logs: .env values must reach log4j (LOG_LEVEL) and Camel as system properties.
        Path workingDir = Path.of("").toAbsolutePath();
        try {
            DotEnv.apply(DotEnv.read(workingDir.resolve(".env")), System.getenv());
        } catch (ConfigException e) {
            System.err.println("Error de configuración: " + e.getMessage());
            System.exit(Cli.USAGE);
        }
        List<String> all = Arrays.asList(args);
        boolean run = all.isEmpty() || all.get(0).equals("run") && all.stream().noneMatch(a -> a.startsWith("-"));
        if (run) { // the service starts without the command-line parser
            System.exit(runService(workingDir, all.isEmpty() ? List.of() : all.subList(1, all.size())));
        }
        System.setProperty("log.console.target", "SYSTEM_ERR"); // a command's standard output is its result
        System.exit(Cli.execute(new Cli.Context(workingDir, System.getenv(), System.out, System.err), args));
    }

    /** Validates the settings, then runs Camel Main until it is stopped. */
    public static int runService(Path workingDir, List<String> args) throws Exception {
        if (cl.seguimientooc.config.ConfigReport.check(workingDir, System.getenv(), System.out, System.err, false) != 0) {
            return Cli.USAGE;
        }
        // the two classes Camel needs, named: no classpath scan at startup
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        main.configure().addRoutesBuilder(cl.seguimientooc.mail.MailboxRoutes.class);
        if (!Files.isDirectory(workingDir.resolve("routes")) && System.getProperty("camel.main.routes-include-pattern") == null) {
            // no routes/ to edit here: the ones bundled in the jar (the same files)
            main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        }
        Path properties = workingDir.resolve("application.properties");
        // The file in the working directory is the one an integration engineer edits; the jar's copy
        // serves installs that have none.
        main.setDefaultPropertyPlaceholderLocation(Files.isRegularFile(properties)
                ? "file:" + properties : "classpath:application.properties");
        return main.run(args.toArray(String[]::new));
    }
}
