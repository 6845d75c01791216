package cl.seguimientooc.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Hostile PDFs generated at test time: bombs, floods, actions, encryption. */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * A page whose content stream is {@code zeros} bytes deflated {@code rounds} times: two rounds
     * turn a few kilobytes into hundreds of megabytes.
     */
    public static byte[] decompressionBomb(long zeros, int rounds) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            byte[] data = deflateZeros(zeros);
            for (int i = 1; i < rounds; i++) {
                data = deflate(data);
            }
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream()) {
                raw.write(data);
            }
            COSArray filters = new COSArray();
            for (int i = 0; i < rounds; i++) {
                filters.add(COSName.FLATE_DECODE);
            }
            stream.setItem(COSName.FILTER, rounds == 1 ? COSName.FLATE_DECODE : filters);
            page.setContents(new PDStream(stream));
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pages(int count, String text) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                write(doc, page, text + " " + (i + 1));
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens with JavaScript and a launch action: the reader only ever takes its text. */
    public static byte[] withActions(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            write(doc, page, text);
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hola'); this.exportDataObject();"));
            PDActionLaunch launch = new PDActionLaunch();
            launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification(
                    new org.apache.pdfbox.cos.COSString("/bin/sh")));
            page.getCOSObject().setItem(COSName.AA, launch.getCOSObject());
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encrypted; with an empty user password anyone may open it (owner-only protection). */
    public static byte[] encrypted(String text, String userPassword, boolean allowExtraction) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            write(doc, page, text);
            AccessPermission ap = new AccessPermission();
            ap.setCanExtractContent(allowExtraction);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("dueño", userPassword, ap);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PDF padded past {@code size} bytes with a comment (a 30 MB attachment). */
    public static byte[] huge(int size) {
        byte[] base = TestPdfs.simple("GRANDE");
        byte[] out = Arrays.copyOf(base, Math.max(size, base.length + 10));
        Arrays.fill(out, base.length, out.length, (byte) ' ');
        out[base.length] = '%';
        return out;
    }

    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    private static void write(PDDocument doc, PDPage page, String text) throws IOException {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            cs.newLineAtOffset(50, 700);
            cs.showText(text);
            cs.endText();
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static byte[] deflateZeros(long zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 20];
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new java.util.zip.Deflater(9), 1 << 16)) {
            for (long left = zeros; left > 0; left -= chunk.length) {
                d.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new java.util.zip.Deflater(9))) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
