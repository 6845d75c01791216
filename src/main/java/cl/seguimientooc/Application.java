package cl.seguimientooc;

import cl.seguimientooc.cli.AdminCommand;
import cl.seguimientooc.cli.ExtractCommand;
import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.DotEnv;
import cl.seguimientooc.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;

/**
 * Seguimiento OC. {@code run} (default) starts the service; {@code check-config} validates the
 * settings and exits; {@code extract file.pdf...} prints what the extractor reads from PDFs.
 */
public final class Application {

    static final int EXIT_CONFIG = 2;

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        // Before anything logs: .env values must reach log4j (LOG_LEVEL) and Camel as system properties.
        Path workingDir = Path.of("").toAbsolutePath();
        try {
            DotEnv.apply(DotEnv.read(workingDir.resolve(".env")), System.getenv());
        } catch (ConfigException e) {
            System.err.println("Error de configuración: " + e.getMessage());
            System.exit(EXIT_CONFIG);
        }
        String command = args.length == 0 ? "run" : args[0];
        if (!command.equals("run")) {
            System.setProperty("log.console.target", "SYSTEM_ERR");
        }
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        int exit = switch (command) {
            case "run" -> run(workingDir, rest);
            case "check-config" -> checkConfig(workingDir, System.getenv());
            case "extract" -> ExtractCommand.run(rest, layoutsDir(workingDir), System.out, System.err);
            case "import-clients", "export-clients", "reprocess" -> admin(command, workingDir, rest);
            case "help", "--help", "-h" -> usage(0);
            default -> usage(EXIT_CONFIG);
        };
        System.exit(exit);
    }

    private static int run(Path workingDir, List<String> args) throws Exception {
        if (checkConfig(workingDir, System.getenv(), false) != 0) {
            return EXIT_CONFIG;
        }
        Main main = new Main(Application.class);
        Path properties = workingDir.resolve("application.properties");
        // The file in the working directory is the one an integration engineer edits; the jar's copy
        // serves installs that have none.
        main.setDefaultPropertyPlaceholderLocation(Files.isRegularFile(properties)
                ? "file:" + properties : "classpath:application.properties");
        return main.run(args.toArray(String[]::new));
    }

    private static int admin(String command, Path workingDir, List<String> args) {
        if (checkConfig(workingDir, System.getenv(), false) != 0) {
            return EXIT_CONFIG;
        }
        Settings settings = Settings.load(Settings.standardLookup(workingDir, System.getenv()));
        return AdminCommand.run(command, args, settings, workingDir, System.out, System.err);
    }

    static int checkConfig(Path workingDir, Map<String, String> env) {
        return checkConfig(workingDir, env, true);
    }

    private static int checkConfig(Path workingDir, Map<String, String> env, boolean verbose) {
        try {
            Settings settings = Settings.load(Settings.standardLookup(workingDir, env));
            if (verbose) {
                System.out.println("Configuración válida (claves secretas ocultas):");
                settings.summary().forEach(System.out::println);
                for (Settings.Mailbox m : List.of(settings.confirmationsMailbox(), settings.ocMailbox())) {
                    System.out.println("Buzón de " + m.name() + ": " + (m.configured()
                            ? m.username() + "@" + m.host() + ":" + m.port() + "/" + m.folder()
                            : "no configurado (" + m.notConfiguredReason() + ")"));
                }
                System.out.println("Base de datos: " + (settings.embeddedDatabase()
                        ? "PostgreSQL embebido en ./data/postgres" : "externa"));
            }
            return 0;
        } catch (ConfigException e) {
            System.err.println("Configuración inválida; corrija estas claves en .env o en el entorno:");
            e.getMessage().lines().forEach(l -> System.err.println("  - " + l));
            return EXIT_CONFIG;
        }
    }

    private static Path layoutsDir(Path workingDir) {
        String dir = Settings.applicationProperties(workingDir).getProperty("layouts.dir", "layouts");
        return workingDir.resolve(System.getProperty("layouts.dir", dir));
    }

    private static int usage(int exit) {
        (exit == 0 ? System.out : System.err).println("""
                Seguimiento OC
                uso: seguimiento-oc [comando]
                  run                      inicia el servicio (por omisión)
                  check-config             valida la configuración y termina (código 2 si es inválida)
                  extract [--text] a.pdf…  muestra en JSON lo que se lee de confirmaciones PDF
                  import-clients a.csv     importa clientes (nombre_agencia,requiere_oc[,correos,…]); idempotente
                  export-clients [a.csv]   exporta los clientes en el mismo formato
                  reprocess ID… | --errores  vuelve a procesar mensajes guardados (p. ej. tras un error)
                """);
        return exit;
    }
}
