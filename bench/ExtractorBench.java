import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.ExtractionResult;
import cl.seguimientooc.extraction.LayoutRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Milliseconds per confirmation PDF, warm, single thread: the full path (bytes -> PDFBox text ->
 * layout template -> reservation) on the real sample. Not a test; see docs/BENCHMARKS.md.
 * Usage: java -cp target/classes:<deps> bench/ExtractorBench.java [pdf] [iterations]
 */
public class ExtractorBench {
    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures/hotelsales-resumen-de-servicios.pdf");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        byte[] bytes = Files.readAllBytes(pdf);
        ConfirmationExtractor extractor = new ConfirmationExtractor(LayoutRegistry.load(Path.of("layouts")));

        for (int i = 0; i < 1500; i++) { // warm-up: JIT, font caches
            check(extractor.extract(bytes));
        }
        String text = extractor.extract(bytes).text();
        long[] full = new long[iterations];
        long[] templateOnly = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            check(extractor.extract(bytes));
            long t1 = System.nanoTime();
            check(extractor.extractText(text));
            long t2 = System.nanoTime();
            full[i] = t1 - t0;
            templateOnly[i] = t2 - t1;
        }
        report("full (PDF bytes -> reservation)", full);
        report("template only (text -> reservation)", templateOnly);
        System.out.printf("heap used after run: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }

    static void check(ExtractionResult r) {
        if (!r.ok() || !"45215412".equals(r.reservation().reservationId())) {
            throw new IllegalStateException("extraction failed: " + r.error());
        }
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("%-38s n=%d  mean %.3f ms  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms%n", what, nanos.length, mean,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
