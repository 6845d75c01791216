package cl.seguimientooc.cli;

import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.ExtractionResult;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.extraction.PdfTextReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract [--text] [--layouts DIR] file.pdf...}: prints one JSON object per file, on one line
 * each. Exit code 0 when every file gave a reservation, 1 otherwise, 2 for a usage error.
 */
@picocli.CommandLine.Command(name = "extract", description = {
    "Muestra en JSON, una línea por archivo, lo que se lee de confirmaciones PDF (Resumen de servicios).",
    "Código de salida 0 si todos dieron una reserva; 1 si alguno no (su error va en el JSON)."})
public final class ExtractCommand implements java.util.concurrent.Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // keep 528701.00 as printed, not 528701: amounts are money
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @picocli.CommandLine.Mixin
    Cli.Help help;

    @picocli.CommandLine.Option(names = {"--text", "--texto"}, description = "Incluye el texto extraído del PDF.")
    boolean withText;

    @picocli.CommandLine.Option(names = {"--layouts", "--disenos"}, paramLabel = "CARPETA",
            description = "Plantillas de diseño de PDF (por omisión LAYOUTS_DIR, o las incluidas).")
    Path layoutsDir;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "ARCHIVO.pdf", description = "Confirmaciones a leer.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        Cli.Context ctx = Cli.context;
        return run(withText, layoutsDir != null ? layoutsDir : defaultLayouts(ctx.workingDir()), files, ctx.out(), ctx.err());
    }

    private static Path defaultLayouts(Path workingDir) {
        String dir = cl.seguimientooc.config.Settings.applicationProperties(workingDir).getProperty("layouts.dir", "layouts");
        return workingDir.resolve(System.getProperty("layouts.dir", dir));
    }

    static int run(boolean withText, Path layoutsDir, List<Path> files, PrintStream out, PrintStream err) {
        ConfirmationExtractor extractor;
        try {
            extractor = new ConfirmationExtractor(LayoutRegistry.load(layoutsDir), PdfTextReader.Limits.DEFAULT);
        } catch (IllegalStateException e) {
            err.println("plantillas de diseño inválidas: " + e.getMessage());
            return 2;
        }
        int failures = 0;
        for (Path file : files) {
            ObjectNode node = JSON.createObjectNode().put("archivo", file.toString());
            ExtractionResult result;
            try {
                result = extractor.extract(Files.readAllBytes(file));
            } catch (IOException e) {
                node.put("ok", false).putObject("error").put("codigo", "UNREADABLE_FILE")
                        .put("mensaje", "no se puede leer el archivo: " + e.getMessage());
                out.println(node);
                failures++;
                continue;
            }
            node.setAll((ObjectNode) JSON.valueToTree(result));
            if (withText && result.text() != null) {
                node.put("texto", result.text());
            }
            out.println(node);
            if (!result.ok()) {
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
