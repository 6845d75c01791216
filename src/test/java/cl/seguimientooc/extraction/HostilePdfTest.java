package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.extraction.ExtractionError.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 7: every hostile PDF ends in a clear code and a Spanish reason, within bounded time and memory. */
class HostilePdfTest {

    static final ConfirmationExtractor EXTRACTOR = new ConfirmationExtractor(LayoutRegistry.bundled());

    static ExtractionError error(byte[] pdf) {
        ExtractionResult r = EXTRACTOR.extract(pdf);
        assertTrue(!r.ok(), "refused");
        assertTrue(r.error().message().matches("(?s).*[a-záéíóúñ]{4,}.*"), r.error().message());
        return r.error();
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItFillsTheHeap() {
        // 2 GiB of zeros in two Flate rounds: a few kilobytes on the wire.
        byte[] bomb = HostilePdfs.decompressionBomb(2L << 30, 2);
        assertTrue(bomb.length < 100_000, "small on the wire: " + bomb.length);
        ExtractionError e = error(bomb);
        assertEquals(Code.TOO_LARGE, e.code(), e.message());
        assertTrue(e.message().contains("bomba de descompresión"), e.message());
        // One round past the budget too.
        assertEquals(Code.TOO_LARGE, error(HostilePdfs.decompressionBomb(80L << 20, 1)).code());
    }

    @Test
    void floodsAndOddFilesGiveTheirOwnCode() {
        assertEquals(Code.TOO_MANY_PAGES, error(HostilePdfs.pages(1000, "pagina")).code());
        assertEquals(Code.TOO_LARGE, error(HostilePdfs.huge(30 * 1024 * 1024)).code());
        assertEquals(Code.EMPTY_FILE, error(new byte[0]).code());
        ExtractionResult cut = EXTRACTOR.extract(HostilePdfs.truncated(TestPdfs.realSample()));
        assertTrue(cut.ok() || List.of(Code.CORRUPT, Code.NO_TEXT).contains(cut.error().code()), "repaired or refused, never thrown");
        assertEquals(Code.ENCRYPTED, error(HostilePdfs.encrypted("secreto", "clave-usuario", true)).code());
        assertEquals(Code.ENCRYPTED, error(HostilePdfs.encrypted("secreto", "", false)).code());
        // Owner-only protection that allows extraction: read like any other, not a confirmation.
        assertEquals(Code.NO_LAYOUT, error(HostilePdfs.encrypted("solo dueño", "", true)).code());
    }

    @Test
    void javascriptAndLaunchActionsAreNeverRunOnlyTheTextIsRead() {
        ExtractionError e = error(HostilePdfs.withActions("Documento con acciones"));
        assertEquals(Code.NO_LAYOUT, e.code());
        assertTrue(String.join("\n", e.textHead()).contains("Documento con acciones"), e.textHead()::toString);
    }

    /** A layout regex with catastrophic backtracking runs inside the time limit, not forever. */
    @Test
    void aRunawayLayoutRegexIsCutByTheTimeout(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lento.yaml"), """
                name: lento
                recognise:
                  all: ['aaaa']
                fields:
                  id_reserva:
                    required: true
                    rules:
                      - pattern: '(?<value>(a|aa)+)\\1?$'
                """);
        ConfirmationExtractor slow = new ConfirmationExtractor(LayoutRegistry.load(dir),
                new PdfTextReader.Limits(20L << 20, 30, Duration.ofSeconds(2), 400_000));
        long start = System.nanoTime();
        // a backreference defeats the JDK's memoisation: ~2^n steps
        ExtractionResult r = slow.extract(TestPdfs.simple("a".repeat(48) + "!"));
        assertEquals(Code.TIMEOUT, r.error().code(), r.error().message());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "bounded");
        long deadline = System.currentTimeMillis() + 5000;
        while (regexStillRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(!regexStillRunning(), "the abandoned worker stops instead of burning a core");
    }

    static boolean regexStillRunning() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().getName().equals("pdf-text")
                && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("java.util.regex")));
    }
}
