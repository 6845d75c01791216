package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.ExtractionError.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns PDF bytes into layout-ordered text, bounded in bytes, pages, memory, characters and time.
 * A tab marks a column gap or a change of font size inside a line, which is how a printed form
 * separates a label from its value or one column from the next.
 */
public final class PdfTextReader {

    /**
     * Bounds for one document; a confirmation is one page, so the defaults are generous.
     * {@code maxDecodedBytes}: what all its compressed streams may expand to (a decompression bomb).
     */
    public record Limits(long maxBytes, int maxPages, Duration timeout, int maxChars, long maxDecodedBytes) {
        public static final Limits DEFAULT = new Limits(20L * 1024 * 1024, 30, Duration.ofSeconds(15), 400_000,
                64L * 1024 * 1024);

        public Limits(long maxBytes, int maxPages, Duration timeout, int maxChars) {
            this(maxBytes, maxPages, timeout, maxChars, DEFAULT.maxDecodedBytes());
        }
    }

    /** The text of a document and what is known about where it came from. */
    public record PdfText(String text, int pages, String producer) {
    }

    /**
     * PDFs are read on a bounded pool: a read that times out is abandoned (PDFBox cannot be stopped),
     * so the pool caps how many threads such reads can hold; others wait in a bounded queue (their
     * wait counts towards their own timeout), and when that is full a PDF is refused, not queued.
     */
    private static final int MAX_WORKERS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ExecutorService WORKERS = workers();

    private static ExecutorService workers() {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS,
                30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(256), r -> {
                    Thread t = new Thread(r, "pdf-text");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final Limits limits;

    public PdfTextReader(Limits limits) {
        this.limits = limits;
    }

    public PdfText read(byte[] bytes) throws ExtractionException {
        precheck(bytes);
        return bounded(() -> extract(bytes));
    }

    /**
     * Runs PDF work on the bounded pool within the time limit; used for the text and for everything
     * done with it (layout regexes included), so no part of a hostile PDF runs unbounded.
     */
    public <T> T bounded(java.util.concurrent.Callable<T> task) throws ExtractionException {
        Future<T> work;
        try {
            work = WORKERS.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ExtractionException(Code.TIMEOUT, "el lector de PDF tiene demasiados documentos en espera;"
                    + " reprocese el correo más tarde");
        }
        try {
            return work.get(limits.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new ExtractionException(Code.TIMEOUT, "la lectura del PDF superó "
                    + limits.timeout().toSeconds() + " s y se abandonó");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.cancel(true);
            throw new ExtractionException(Code.TIMEOUT, "la lectura del PDF fue interrumpida");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException ee) {
                throw ee;
            }
            throw new ExtractionException(Code.CORRUPT, "el PDF está dañado o no se puede leer ("
                    + describe(e.getCause()) + ")", e.getCause());
        }
    }

    /** Checks the bytes cheaply, before any PDF parsing. */
    private void precheck(byte[] bytes) throws ExtractionException {
        if (bytes == null || bytes.length == 0) {
            throw new ExtractionException(Code.EMPTY_FILE, "el archivo está vacío");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ExtractionException(Code.TOO_LARGE, "el archivo pesa " + bytes.length / 1024
                    + " KiB; el máximo es " + limits.maxBytes() / 1024 + " KiB");
        }
        if (!looksLikePdf(bytes)) {
            throw new ExtractionException(Code.NOT_A_PDF, "el archivo no es un PDF (no comienza con %PDF-)");
        }
    }

    /** The text, on the calling thread: for a caller already inside {@link #bounded}. */
    public PdfText readHere(byte[] bytes) throws ExtractionException {
        precheck(bytes);
        return extract(bytes);
    }

    private PdfText extract(byte[] bytes) throws ExtractionException {
        // Memory for parsed streams is capped so a decompression bomb fails instead of filling the heap.
        var cache = MemoryUsageSetting.setupMainMemoryOnly(Math.max(64L * 1024 * 1024, bytes.length * 8L)).streamCache;
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, cache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new ExtractionException(Code.EMPTY_FILE, "el PDF no tiene páginas");
            }
            if (pages > limits.maxPages()) {
                throw new ExtractionException(Code.TOO_MANY_PAGES, "el PDF tiene " + pages
                        + " páginas; el máximo es " + limits.maxPages());
            }
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new ExtractionException(Code.ENCRYPTED, "el PDF está protegido y no permite extraer texto");
            }
            FontProgramSkipper.apply(document, limits.maxPages());
            DecodedSizeGuard.check(document, limits.maxDecodedBytes(), limits.maxPages());
            LayoutStripper stripper = new LayoutStripper(limits.maxChars());
            stripper.setSortByPosition(true);
            // Article beads order text by thread; printed forms have none, and the check costs ~15%.
            stripper.setShouldSeparateByBeads(false);
            stripper.setLineSeparator("\n");
            stripper.setEndPage(limits.maxPages());
            String text = tidy(stripper.getText(document));
            if (text.isBlank()) {
                throw new ExtractionException(Code.NO_TEXT, "el PDF no contiene texto seleccionable"
                        + " (¿es una imagen escaneada?); no se puede leer sin OCR");
            }
            return new PdfText(text, pages, document.getDocumentInformation().getProducer());
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(Code.ENCRYPTED, "el PDF está cifrado con contraseña", e);
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof ExtractionException ee) {
                throw ee;
            }
            throw new ExtractionException(Code.CORRUPT, "el PDF está dañado o no se puede leer (" + describe(e) + ")", e);
        }
    }

    private static boolean looksLikePdf(byte[] bytes) {
        // The header may be preceded by garbage; readers accept it within the first kilobyte.
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static final java.util.regex.Pattern TAB_RUN = java.util.regex.Pattern.compile(" *\t[ \t]*");
    private static final java.util.regex.Pattern SPACE_RUN = java.util.regex.Pattern.compile(" {2,}");

    /** Trims each line, drops empty ones, and keeps tabs single. */
    private static String tidy(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (String line : raw.split("\n")) {
            String l = SPACE_RUN.matcher(TAB_RUN.matcher(line).replaceAll("\t")).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(Throwable t) {
        String message = t == null ? null : t.getMessage();
        return message == null || message.isBlank() ? (t == null ? "error desconocido" : t.getClass().getSimpleName())
                : message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** Writes tabs at column gaps and font-size changes; stops once the character budget is spent. */
    private static final class LayoutStripper extends PDFTextStripper {
        private static final float SIZE_STEP = 1.5f;
        private final int maxChars;
        private boolean separatorPending;
        private float lastEndX = Float.NaN;
        private float lastSize = Float.NaN;
        private int written;

        LayoutStripper(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        protected void writeWordSeparator() {
            separatorPending = true;
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            separatorPending = false;
            lastEndX = Float.NaN;
            lastSize = Float.NaN;
            emit("\n");
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            StringBuilder b = new StringBuilder(text.length() + 4);
            if (separatorPending && !positions.isEmpty()) {
                TextPosition first = positions.get(0);
                float gap = first.getXDirAdj() - lastEndX;
                float width = Math.max(first.getWidthOfSpace(), first.getWidthDirAdj());
                b.append(Float.isNaN(lastEndX) || gap > 2.5f * width ? '\t' : ' ');
            }
            separatorPending = false;
            for (TextPosition p : positions) {
                String unicode = p.getUnicode();
                boolean visible = unicode != null && !unicode.isBlank();
                if (visible && !Float.isNaN(lastSize) && Math.abs(p.getFontSizeInPt() - lastSize) >= SIZE_STEP) {
                    if (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
                        b.setCharAt(b.length() - 1, '\t');
                    } else {
                        b.append('\t');
                    }
                }
                if (unicode != null) {
                    b.append(unicode);
                }
                if (visible) {
                    lastSize = p.getFontSizeInPt();
                }
                lastEndX = p.getXDirAdj() + p.getWidthDirAdj();
            }
            emit(b.toString());
        }

        private void emit(String s) throws IOException {
            written += s.length();
            if (written > maxChars) {
                throw new IOException(new ExtractionException(Code.TOO_LARGE,
                        "el PDF contiene más de " + maxChars + " caracteres de texto"));
            }
            output.write(s);
        }
    }

}
