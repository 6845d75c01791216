package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.ExtractionError.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses a PDF whose compressed streams would expand beyond a budget (a decompression bomb: a few
 * kilobytes that inflate to gigabytes) before PDFBox decodes any of them for text. Streams are
 * decoded only to be counted, through a small scratch buffer, and the count stops at the budget.
 * Image streams are skipped: text extraction never decodes them.
 */
final class DecodedSizeGuard {

    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
            COSName.CCITTFAX_DECODE, COSName.JBIG2_DECODE);

    private DecodedSizeGuard() {
    }

    /**
     * Walks what text extraction will decode (page contents, form XObjects, fonts with their
     * ToUnicode maps and programs, Type 3 glyph procedures), each stream once. Run after
     * {@link FontProgramSkipper}, so a font program it replaced is not inflated for nothing.
     */
    static void check(PDDocument document, long budget, int maxPages) throws ExtractionException, IOException {
        long[] left = {budget};
        byte[] scratch = new byte[64 * 1024];
        java.util.Set<COSBase> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<COSBase> todo = new java.util.ArrayDeque<>();
        int pages = 0;
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            if (++pages > maxPages) {
                break;
            }
            todo.add(page.getCOSObject());
        }
        while (!todo.isEmpty()) {
            COSBase next = todo.poll();
            COSBase base = next instanceof COSObject o ? o.getObject() : next;
            if (base == null || !seen.add(base)) {
                continue;
            }
            if (base instanceof COSStream stream) {
                if (!COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    count(stream, left, scratch, budget);
                    follow(stream, todo); // a form's resources
                }
            } else if (base instanceof org.apache.pdfbox.cos.COSDictionary dict) {
                follow(dict, todo);
            } else if (base instanceof COSArray array) {
                array.forEach(todo::add);
            }
        }
    }

    /** The entries of a page, resources, font or form that lead to streams text extraction decodes. */
    private static final Set<COSName> FOLLOWED = Set.of(COSName.CONTENTS, COSName.RESOURCES, COSName.XOBJECT, COSName.FONT,
            COSName.DESCENDANT_FONTS, COSName.FONT_DESC, COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3,
            COSName.TO_UNICODE, COSName.CHAR_PROCS, COSName.ENCODING);

    private static void follow(org.apache.pdfbox.cos.COSDictionary dict, java.util.ArrayDeque<COSBase> todo) {
        boolean map = !dict.containsKey(COSName.TYPE) && !dict.containsKey(COSName.SUBTYPE);
        for (java.util.Map.Entry<COSName, COSBase> e : dict.entrySet()) {
            // resource maps (/Font, /XObject, /CharProcs) have arbitrary names: follow every entry
            if (map || FOLLOWED.contains(e.getKey())) {
                todo.add(e.getValue());
            }
        }
    }

    private static void count(COSStream stream, long[] left, byte[] scratch, long budget) throws ExtractionException, IOException {
        List<COSName> filters = filters(stream.getFilters());
        if (filters.isEmpty() || filters.stream().anyMatch(IMAGE_FILTERS::contains)) {
            return;
        }
        if (filters.size() == 1 && COSName.FLATE_DECODE.equals(filters.get(0))) {
            inflateCount(stream, left, scratch, budget); // the common case, without PDFBox's buffers
            return;
        }
        // Other filters or a chain: each stage decoded into a stream that refuses to grow past the budget.
        byte[] data;
        try (InputStream raw = stream.createRawInputStream()) {
            data = raw.readAllBytes();
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
            Capped out = new Capped(left[0], budget);
            filter.decode(new java.io.ByteArrayInputStream(data), out, stream, i);
            data = out.toByteArray();
        }
        left[0] -= data.length;
    }

    private static void inflateCount(COSStream stream, long[] left, byte[] scratch, long budget)
            throws ExtractionException, IOException {
        Inflater inflater = new Inflater();
        try (InputStream raw = stream.createRawInputStream()) {
            byte[] in = new byte[8192];
            int n;
            while ((n = raw.read(in)) > 0) {
                inflater.setInput(in, 0, n);
                while (!inflater.needsInput() && !inflater.finished()) {
                    int produced = inflater.inflate(scratch);
                    left[0] -= produced;
                    if (left[0] < 0) {
                        throw bomb(budget);
                    }
                    if (produced == 0 && inflater.needsDictionary()) {
                        return;
                    }
                }
                if (inflater.finished()) {
                    return;
                }
            }
        } catch (DataFormatException e) {
            // damaged data: PDFBox reports it (or reads what it can) when it decodes the stream
        } finally {
            inflater.end();
        }
    }

    private static List<COSName> filters(COSBase f) {
        if (f instanceof COSName name) {
            return List.of(name);
        }
        if (f instanceof COSArray array) {
            return array.toList().stream().filter(COSName.class::isInstance).map(COSName.class::cast).toList();
        }
        return List.of();
    }

    private static ExtractionException bomb(long budget) {
        return new ExtractionException(Code.TOO_LARGE, "el PDF se descomprime a más de " + budget / (1024 * 1024)
                + " MB (posible bomba de descompresión); no se lee");
    }

    /** A byte buffer that fails once it would hold more than the budget left. */
    private static final class Capped extends OutputStream {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final long cap;
        private final long budget;

        Capped(long cap, long budget) {
            this.cap = cap;
            this.budget = budget;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + (long) len > cap) {
                throw new IOException(bomb(budget));
            }
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
