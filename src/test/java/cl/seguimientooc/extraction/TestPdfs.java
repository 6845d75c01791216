package cl.seguimientooc.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/** Confirmation PDFs for tests outside this package: the real sample and generated ones. */
public final class TestPdfs {

    private TestPdfs() {
    }

    public static byte[] realSample() {
        try (InputStream in = TestPdfs.class.getResourceAsStream("/fixtures/hotelsales-resumen-de-servicios.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A generated confirmation for the given agency, reservation ID and CLP amount, in the real layout. */
    public static byte[] confirmation(long seed, String agency, String reservationId, long amountClp) {
        return DemoConfirmations.confirmation(seed, agency, reservationId, amountClp, null);
    }

    /** A confirmation whose agency, hotel and first guest carry {@code evil} (markup, quotes) in their text. */
    public static byte[] hostile(String reservationId, String agency, String evil) {
        try {
            HotelSalesPdfGenerator.Sample s = new HotelSalesPdfGenerator(7, List.of(agency)).next();
            Reservation r = s.reservation();
            List<Reservation.Room> rooms = new java.util.ArrayList<>(r.rooms());
            Reservation.Room first = rooms.get(0);
            List<Reservation.Guest> guests = new java.util.ArrayList<>(first.guests());
            Reservation.Guest g = guests.get(0);
            guests.set(0, new Reservation.Guest(g.type(), g.firstNames(), g.lastNames() + " " + evil));
            rooms.set(0, new Reservation.Room(first.number(), first.category(), first.adults(), first.children(),
                    first.mealPlan(), guests));
            Reservation changed = new Reservation(reservationId, r.internalLocator(), r.supplierLocator(), r.bookingStatus(),
                    agency, r.issueDate(), "Hotel " + evil, r.hotelAddress(), r.hotelCity(), r.hotelPhone(), r.checkIn(),
                    r.arrivalTime(), r.checkOut(), r.departureTime(), r.nights(), r.roomCount(),
                    new BigDecimal("100000.00"), "CLP", rooms, r.cancellationDeadline(), r.hotelRemarks(), r.advisorNotes());
            return HotelSalesPdfGenerator.render(new HotelSalesPdfGenerator.Sample(changed, "CLP 100.000,00",
                    HotelSalesPdfGenerator.Style.REAL, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-line PDF in Helvetica: an OC, an invoice, anything that is not a confirmation. */
    public static byte[] simple(String text) {
        return DemoConfirmations.textPdf(text);
    }
}
