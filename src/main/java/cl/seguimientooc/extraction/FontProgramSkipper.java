package cl.seguimientooc.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Replaces embedded TrueType font programs with a one-glyph stand-in before text extraction.
 *
 * <p>Reading text needs a font's ToUnicode map and its width table, both in the font dictionary;
 * PDFBox nevertheless inflates and parses every embedded font program, which is about half the cost
 * of reading a HotelSales confirmation. Only fonts whose text and widths are fully described by the
 * dictionary are touched, so the extracted text is the same; any other font keeps its program.
 * The stand-in is a real (tiny) TrueType font, so PDFBox never falls back to searching system fonts.
 */
final class FontProgramSkipper {

    private static final byte[] STAND_IN = buildStandIn();

    private FontProgramSkipper() {
    }

    /** Rewrites the fonts reachable from the first {@code maxPages} pages of an in-memory document. */
    static void apply(PDDocument document, int maxPages) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int index = 0;
        for (PDPage page : document.getPages()) {
            if (index++ >= maxPages) {
                break;
            }
            PDResources resources = page.getResources();
            if (resources != null) {
                visitResources(resources.getCOSObject(), seen, 0);
            }
        }
    }

    private static void visitResources(COSDictionary resources, Set<COSBase> seen, int depth) {
        if (resources == null || depth > 8 || !seen.add(resources)) {
            return;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary font && seen.add(font)) {
                    visitFont(font);
                }
            }
        }
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects != null) {
            for (COSName name : xobjects.keySet()) {
                if (xobjects.getDictionaryObject(name) instanceof COSStream form
                        && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE)) && seen.add(form)) {
                    visitResources(form.getCOSDictionary(COSName.RESOURCES), seen, depth + 1);
                }
            }
        }
    }

    private static void visitFont(COSDictionary font) {
        if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream)) {
            return; // text comes from the font program's own tables
        }
        COSName subtype = font.getCOSName(COSName.SUBTYPE);
        if (COSName.TYPE0.equals(subtype)) {
            COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
            if (descendants != null && descendants.size() == 1
                    && descendants.getObject(0) instanceof COSDictionary cidFont
                    && COSName.CID_FONT_TYPE2.equals(cidFont.getCOSName(COSName.SUBTYPE))
                    && cidFont.getCOSArray(COSName.W) != null) {
                replaceProgram(cidFont.getCOSDictionary(COSName.FONT_DESC));
            }
        } else if (COSName.TRUE_TYPE.equals(subtype) && font.getCOSArray(COSName.WIDTHS) != null
                && font.getDictionaryObject(COSName.ENCODING) != null) {
            replaceProgram(font.getCOSDictionary(COSName.FONT_DESC));
        }
    }

    private static void replaceProgram(COSDictionary descriptor) {
        if (descriptor == null || !(descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream)
                || !(descriptor.getDictionaryObject(COSName.FONT_BBOX) instanceof COSArray)) {
            return; // without a FontBBox PDFBox would take glyph heights from the program
        }
        COSStream standIn = new COSStream();
        try (OutputStream out = standIn.createRawOutputStream()) {
            out.write(STAND_IN);
        } catch (IOException e) {
            return; // in-memory write; keep the original program if it ever fails
        }
        descriptor.setItem(COSName.FONT_FILE2, standIn);
    }

    private static byte[] buildStandIn() {
        try (InputStream in = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IOException("PDFBox's LiberationSans resource is missing");
            }
            TrueTypeFont source = new TTFParser().parse(new RandomAccessReadBuffer(in));
            try (source) {
                TTFSubsetter subsetter = new TTFSubsetter(source);
                subsetter.add(' ');
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                subsetter.writeToStream(bytes);
                return bytes.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the stand-in font", e);
        }
    }
}
