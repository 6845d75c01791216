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
public final class ExtractCommand {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // keep 528701.00 as printed, not 528701: amounts are money
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ExtractCommand() {
    }

    public static int run(List<String> args, Path defaultLayouts, PrintStream out, PrintStream err) {
        boolean withText = false;
        Path layoutsDir = defaultLayouts;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--text")) {
                withText = true;
            } else if (a.equals("--layouts") && i + 1 < args.size()) {
                layoutsDir = Path.of(args.get(++i));
            } else if (a.startsWith("--")) {
                err.println("opción desconocida: " + a);
                return 2;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            err.println("uso: extract [--text] [--layouts DIR] archivo.pdf...");
            return 2;
        }
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
