package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Skipping font programs must not change a single character or position of the extracted text. */
class FontProgramSkipperTest {

    @Test
    void realSampleReadsTheSameWithoutItsFontPrograms() throws IOException {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hotelsales-resumen-de-servicios.pdf")) {
            pdf = in.readAllBytes();
        }
        assertEquals(positionedText(pdf, false), positionedText(pdf, true));
        assertNotEquals(fontProgramLength(pdf, false), fontProgramLength(pdf, true), "the program was replaced");
    }

    @Test
    void generatedSamplesReadTheSameWithoutTheirFontPrograms() throws IOException {
        HotelSalesPdfGenerator generator = new HotelSalesPdfGenerator(7L, ConfirmationExtractorTest.agencies());
        for (int i = 0; i < 20; i++) {
            byte[] pdf = HotelSalesPdfGenerator.render(generator.next());
            assertEquals(positionedText(pdf, false), positionedText(pdf, true), "sample " + i);
        }
    }

    /** Text plus each glyph's position and width, so spacing decisions would show any difference. */
    private static String positionedText(byte[] pdf, boolean skip) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (skip) {
                FontProgramSkipper.apply(document, 30);
            }
            StringBuilder out = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    out.append(p.getUnicode()).append('@').append(p.getXDirAdj()).append(',').append(p.getYDirAdj())
                            .append('/').append(p.getWidthDirAdj()).append('/').append(p.getHeightDir())
                            .append('/').append(p.getWidthOfSpace()).append('\n');
                    super.processTextPosition(p);
                }
            };
            stripper.setSortByPosition(true);
            return stripper.getText(document) + out;
        }
    }

    private static long fontProgramLength(byte[] pdf, boolean skip) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (skip) {
                FontProgramSkipper.apply(document, 30);
            }
            long total = 0;
            PDResources page = document.getPage(0).getResources();
            for (COSName x : page.getXObjectNames()) {
                PDResources form = ((PDFormXObject) page.getXObject(x)).getResources();
                for (COSName f : form.getFontNames()) {
                    COSDictionary font = form.getCOSObject().getCOSDictionary(COSName.FONT).getCOSDictionary(f);
                    COSDictionary cid = (COSDictionary) font.getCOSArray(COSName.DESCENDANT_FONTS).getObject(0);
                    total += ((COSStream) cid.getCOSDictionary(COSName.FONT_DESC).getDictionaryObject(COSName.FONT_FILE2)).getLength();
                }
            }
            return total;
        }
    }
}
