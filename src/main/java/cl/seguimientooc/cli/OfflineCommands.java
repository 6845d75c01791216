package cl.seguimientooc.cli;

import cl.seguimientooc.clients.ClientCsv;
import cl.seguimientooc.clients.ClientImport;
import cl.seguimientooc.store.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Commands on the database without the service: import-clients, export-clients, reprocess. */
public final class OfflineCommands {

    private static final String EMBEDDED = "Con la base embebida, detenga antes el servicio (o use la API del panel).";

    private OfflineCommands() {
    }

    @Command(name = "import-clients", description = {"Importa clientes desde un CSV (nombre_agencia,requiere_oc[,correos,correos_cc,activo,notas,alias]).",
        "Es idempotente: lo ya importado queda igual. Imprime el informe en JSON; código 1 si alguna línea falló.", EMBEDDED})
    public static final class ImportClients implements Callable<Integer> {
        @CommandLine.Mixin
        Cli.Help help;

        @CommandLine.Parameters(paramLabel = "CLIENTES.csv", description = "El archivo CSV (UTF-8).")
        Path csv;

        @Override
        public Integer call() {
            Cli.Context ctx = Cli.context;
            return Offline.run(ctx, (services, settings) -> {
                String text = Files.readString(csv, StandardCharsets.UTF_8);
                Progress[] progress = new Progress[1]; // started once the import knows how many clients the file has
                Map<String, Object> report = new ClientImport(services.clients).importCsv(text, "consola", (done, total) -> {
                    if (progress[0] == null) {
                        progress[0] = Progress.start("Importando clientes", total, ctx.err());
                    }
                    progress[0].done(done);
                });
                if (progress[0] != null) {
                    progress[0].close();
                }
                ctx.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                return ((Number) report.get("con_error")).intValue() == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "export-clients", description = {"Exporta los clientes en el mismo formato CSV que import-clients.", EMBEDDED})
    public static final class ExportClients implements Callable<Integer> {
        @CommandLine.Mixin
        Cli.Help help;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "CLIENTES.csv", description = "Archivo de salida (sin él, a la salida estándar).")
        Path file;

        @Override
        public Integer call() {
            Cli.Context ctx = Cli.context;
            return Offline.run(ctx, (services, settings) -> {
                String csv = ClientCsv.write(services.clients.exportRows());
                if (file == null) {
                    ctx.out().print(csv);
                } else {
                    Files.writeString(file, csv, StandardCharsets.UTF_8);
                    ctx.out().println("Clientes exportados a " + file);
                }
                return 0;
            });
        }
    }

    @Command(name = "reprocess", description = {"Vuelve a procesar mensajes guardados (por ejemplo, tras corregir una plantilla de diseño).",
        "Imprime una línea JSON por mensaje; código 1 si alguno falló.", EMBEDDED})
    public static final class Reprocess implements Callable<Integer> {
        @CommandLine.Mixin
        Cli.Help help;

        @CommandLine.Option(names = {"--errores", "--errors"}, description = "Todos los mensajes cuyo proceso terminó en error.")
        boolean failed;

        @CommandLine.Parameters(arity = "0..*", paramLabel = "ID", description = "Ids de mensajes (los de /mensajes en el panel).")
        List<Long> ids = new ArrayList<>();

        @Override
        public Integer call() {
            Cli.Context ctx = Cli.context;
            if (failed == !ids.isEmpty()) {
                ctx.err().println("Error: indique ids de mensajes o --errores (uno de los dos)");
                return Cli.USAGE;
            }
            return Offline.run(ctx, (services, settings) -> {
                List<Long> todo = failed ? services.mails.failedIds() : ids;
                if (todo.isEmpty()) {
                    ctx.err().println("No hay mensajes con error para reprocesar.");
                    return 0;
                }
                int failures = 0;
                try (Progress progress = Progress.start("Reprocesando mensajes", todo.size(), ctx.err())) {
                    for (int i = 0; i < todo.size(); i++) {
                        long id = todo.get(i);
                        try {
                            Map<String, Object> result = services.intake.reprocess(id, services.reprocessRoles());
                            ctx.out().println(Json.write(result));
                            failures += result.get("error") != null ? 1 : 0;
                        } catch (java.util.NoSuchElementException | IllegalStateException e) {
                            ctx.err().println(id + ": " + e.getMessage());
                            failures++;
                        }
                        progress.done(i + 1);
                    }
                }
                return failures == 0 ? 0 : 1;
            });
        }
    }
}
