package cl.seguimientooc.cli;

import cl.seguimientooc.Services;
import cl.seguimientooc.clients.ClientCsv;
import cl.seguimientooc.clients.ClientImport;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.store.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admin commands that work on the database without starting the service: import-clients,
 * export-clients and reprocess. With the embedded database, stop the service first (or use the
 * API: POST /api/clientes/importar, POST /api/mensajes/{id}/reprocesar).
 */
public final class AdminCommand {

    private AdminCommand() {
    }

    public static int run(String command, List<String> args, Settings settings, Path workingDir, PrintStream out,
                          PrintStream err) {
        Path layouts = workingDir.resolve(settings.get(cl.seguimientooc.config.Setting.LAYOUTS_DIR));
        try (Database database = Database.open(settings, workingDir.resolve(settings.get(cl.seguimientooc.config.Setting.DATA_DIR)))) {
            Services services = new Services(settings, database, new ConfirmationExtractor(LayoutRegistry.load(layouts)),
                    "consola@" + Services.hostName() + "-" + ProcessHandle.current().pid());
            try (services.instance) {
                return switch (command) {
                    case "import-clients" -> importClients(services, args, out, err);
                    case "export-clients" -> exportClients(services, args, out);
                    case "reprocess" -> reprocess(services, args, out, err);
                    default -> 2;
                };
            }
        } catch (Exception e) {
            err.println("Error: " + e.getMessage());
            if (settings.embeddedDatabase()) {
                err.println("Con la base embebida el servicio no puede estar corriendo a la vez; deténgalo o use la API.");
            }
            return 1;
        }
    }

    private static int importClients(Services services, List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1) {
            err.println("uso: import-clients clientes.csv");
            return 2;
        }
        String csv = Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8);
        Map<String, Object> report = new ClientImport(services.clients).importCsv(csv, "consola");
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return ((Number) report.get("con_error")).intValue() == 0 ? 0 : 1;
    }

    private static int exportClients(Services services, List<String> args, PrintStream out) throws Exception {
        String csv = ClientCsv.write(services.clients.exportRows());
        if (args.isEmpty()) {
            out.print(csv);
        } else {
            Files.writeString(Path.of(args.get(0)), csv, StandardCharsets.UTF_8);
            out.println("Clientes exportados a " + args.get(0));
        }
        return 0;
    }

    private static int reprocess(Services services, List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<Long> ids = new ArrayList<>();
        if (args.equals(List.of("--errores"))) {
            ids.addAll(services.mails.failedIds());
        } else {
            for (String a : args) {
                try {
                    ids.add(Long.parseLong(a));
                } catch (NumberFormatException e) {
                    err.println("«" + a + "» no es un id de mensaje");
                    return 2;
                }
            }
        }
        if (ids.isEmpty()) {
            err.println(args.isEmpty() ? "uso: reprocess ID… | reprocess --errores" : "No hay mensajes con error para reprocesar.");
            return args.isEmpty() ? 2 : 0;
        }
        int failures = 0;
        for (long id : ids) {
            try {
                Map<String, Object> result = services.intake.reprocess(id, services.reprocessRoles());
                out.println(Json.write(result));
                if (result.get("error") != null) {
                    failures++;
                }
            } catch (java.util.NoSuchElementException | IllegalStateException e) {
                err.println(id + ": " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
