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
}
