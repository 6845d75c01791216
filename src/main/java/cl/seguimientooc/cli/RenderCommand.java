package cl.seguimientooc.cli;

import cl.seguimientooc.Services;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.mailout.LadderMailModel;
import cl.seguimientooc.mailout.MailTemplates;
import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.pages.TemplatePages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code render}: one e-mail template rendered to a file, for a reservation or for sample data. */
@Command(name = "render", description = {"Genera un correo de una plantilla (templates/) para revisarlo antes de enviarlo:",
    "el HTML va a un archivo; el asunto y el texto plano, a la salida estándar. Con --reserva usa los datos",
    "de esa reserva (requiere la base de datos); con --muestra, datos de ejemplo (no la necesita)."})
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Mixin
    Cli.Help help;

    @CommandLine.Parameters(paramLabel = "PLANTILLA", description = "solicitud_inicial, recordatorio, ultimatum, aviso_suspension, …")
    String template;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @CommandLine.Option(names = {"--reserva"}, paramLabel = "ID", description = "ID de reserva, LOC o localizador.")
        String reservation;

        @CommandLine.Option(names = {"--muestra", "--sample"}, description = "Datos de ejemplo.")
        boolean sample;
    }

    @CommandLine.Option(names = {"--salida", "-o"}, paramLabel = "ARCHIVO.html", description = "Dónde escribir el HTML (por omisión PLANTILLA.html).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Cli.Context ctx = Cli.context;
        Settings settings = Offline.settings(ctx);
        MailTemplates templates = new MailTemplates(ctx.workingDir().resolve(settings.get(Setting.TEMPLATES_DIR)));
        TreeSet<String> known = new TreeSet<>(Services.ladders(settings).templates());
        known.addAll(MailTemplates.NOTICES);
        known.add(cl.seguimientooc.mailout.DailySummary.TEMPLATE);
        if (!known.contains(template)) {
            ctx.err().println("Error: plantilla desconocida «" + template + "»; use una de: " + String.join(", ", known));
            return Cli.USAGE;
        }
        if (source.sample) {
            Map<String, Object> model = template.equals(cl.seguimientooc.mailout.DailySummary.TEMPLATE)
                    ? cl.seguimientooc.mailout.DailySummary.sample() : LadderMailModel.sample();
            return write(ctx, templates.render(template, model));
        }
        return Offline.run(ctx, (services, s) -> {
            TemplatePages pages = new TemplatePages(templates, services.ladders.templates(),
                    new Api(services.db, services.clients, services.intake, services.reprocessRoles()), services.db.jdbc(),
                    Services.sender(s));
            return write(ctx, templates.render(template, pages.model(source.reservation)));
        });
    }

    private int write(Cli.Context ctx, MailTemplates.Rendered r) throws Exception {
        Path file = output != null ? output : ctx.workingDir().resolve(template + ".html");
        Files.writeString(file, r.html(), StandardCharsets.UTF_8);
        ctx.out().println("Asunto: " + r.subject());
        ctx.out().println("HTML: " + file);
        ctx.out().println();
        ctx.out().println(r.text());
        return 0;
    }
}
