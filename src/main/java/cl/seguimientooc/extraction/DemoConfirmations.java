package cl.seguimientooc.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Generated confirmation PDFs in HotelSales' real layout, for the sandbox and the tests. */
public final class DemoConfirmations {

    private DemoConfirmations() {
    }

    /** A confirmation for {@code agency}, reservation {@code reservationId}, {@code amountClp} pesos; {@code checkIn} null: random. */
    public static byte[] confirmation(long seed, String agency, String reservationId, long amountClp, LocalDate checkIn) {
        try {
            HotelSalesPdfGenerator.Sample s = new HotelSalesPdfGenerator(seed, List.of(agency)).next();
            Reservation r = s.reservation();
            boolean moved = checkIn != null;
            LocalDate in = moved ? checkIn : r.checkIn();
            Reservation changed = new Reservation(reservationId, r.internalLocator(), r.supplierLocator(), r.bookingStatus(),
                    agency, moved && r.issueDate() != null ? in.minusDays(3) : r.issueDate(), r.hotelName(), r.hotelAddress(),
                    r.hotelCity(), r.hotelPhone(), in, r.arrivalTime(), moved ? in.plusDays(r.nights()) : r.checkOut(),
                    r.departureTime(), r.nights(), r.roomCount(), new BigDecimal(amountClp + ".00"), "CLP", r.rooms(),
                    moved ? in.minusDays(2) : r.cancellationDeadline(), r.hotelRemarks(), r.advisorNotes());
            String printed = "CLP " + String.format("%,d", amountClp).replace(',', '.') + ",00";
            return HotelSalesPdfGenerator.render(new HotelSalesPdfGenerator.Sample(changed, printed,
                    HotelSalesPdfGenerator.Style.REAL, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF with these lines in Helvetica: a client's purchase order, an invoice, anything else. */
    public static byte[] textPdf(String... lines) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.setLeading(16);
                cs.newLineAtOffset(50, 700);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
