package cl.seguimientooc.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.ExtractionResult;
import cl.seguimientooc.extraction.LayoutRegistry;
import cl.seguimientooc.mail.MailContent;
import cl.seguimientooc.matching.OcMatcher;
import cl.seguimientooc.matching.OcNumbers;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Collection;
import java.util.List;

/**
 * Fuzz targets for the three parsers that take hostile input: the MIME reader, the confirmation
 * extractor (PDF bytes and layout text) and the OC matcher. The property is the same for all: bad
 * input is never an exception, always a result with a reason.
 *
 * <p>In the test suite (regression mode) each target runs its seed inputs under
 * {@code src/test/resources/cl/seguimientooc/fuzz/FuzzTargetsTestInputs/}; {@code bench/fuzz.sh}
 * runs one target coverage-guided for a while (fuzzing mode, {@code JAZZER_FUZZ=1}).
 */
class FuzzTargetsTest {

    /** Tight limits: every input finishes well inside the fuzzer's own per-input timeout. */
    static final ConfirmationExtractor EXTRACTOR = new ConfirmationExtractor(LayoutRegistry.bundled(),
            new cl.seguimientooc.extraction.PdfTextReader.Limits(1L << 20, 3, java.time.Duration.ofSeconds(2), 50_000,
                    16L << 20));

    static final OcMatcher MATCHER = new OcMatcher(new OcMatcher.Catalog() {
        @Override
        public List<OcMatcher.Ref> byMessageIds(Collection<String> ids) {
            return ids.stream().filter(i -> i.length() % 3 == 0).limit(2)
                    .map(i -> new OcMatcher.Ref(i.length(), "R" + i.length(), "LOC" + i.length(), null, "pendiente")).toList();
        }

        @Override
        public List<OcMatcher.Ref> byCodes(Collection<String> tokens) {
            return tokens.stream().filter(t -> t.hashCode() % 5 == 0).limit(3)
                    .map(t -> new OcMatcher.Ref(t.hashCode(), t, t, null, "pendiente")).toList();
        }

        @Override
        public List<OcMatcher.Ref> openForSender(String address) {
            return address.endsWith(".cl") ? List.of(new OcMatcher.Ref(1, "45215412", "AAFTTAT", null, "pendiente")) : List.of();
        }
    }, 0.6);

    @FuzzTest(maxDuration = "20s")
    void mimeReaderNeverThrows(byte[] raw) {
        MailContent m = MailContent.parse(raw);
        assertNotNull(m.attachments());
        assertNotNull(m.problems());
        assertTrue(m.bodyText().length() <= 100_000 + 1);
        if (m.subject() != null) {
            assertTrue(m.subject().chars().noneMatch(c -> c == '\r' || c == '\n'), "one-line subject");
        }
    }

    @FuzzTest(maxDuration = "20s")
    void extractorNeverThrows(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            ExtractionResult r = EXTRACTOR.extractText(data.consumeRemainingAsString());
            assertTrue(r.ok() || r.error() != null);
        } else {
            byte[] pdf = data.consumeRemainingAsBytes();
            ExtractionResult r = EXTRACTOR.extract(pdf);
            assertTrue(r.ok() || r.error().message() != null && !r.error().message().isBlank());
        }
    }

    @FuzzTest(maxDuration = "20s")
    void matcherNeverThrows(FuzzedDataProvider data) {
        String sender = data.consumeString(60);
        String subject = data.consumeString(200);
        List<String> names = List.of(data.consumeString(80), data.consumeString(80));
        List<String> ids = List.of(data.consumeString(60));
        String body = data.consumeRemainingAsString();
        OcMatcher.Result r = MATCHER.match(new OcMatcher.OcMail(sender, subject, body, names, List.of(body), ids));
        assertTrue(r.match() != null || r.reason() != null, "a match or a reason");
        OcNumbers.find(body);
    }
}
