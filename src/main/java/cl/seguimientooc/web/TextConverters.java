package cl.seguimientooc.web;

import cl.seguimientooc.domain.ReservationStatus;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.camel.Converter;

/**
 * Query and path parameters declared as dates in the REST DSL reach the beans as {@link LocalDate},
 * and statuses as {@link ReservationStatus}. A converter of its own per type: without one, Camel's
 * generic enum conversion searched the whole converter table on every request (a third of the CPU of
 * {@code GET /api/reservas?estado=…}, BENCHMARKS.md).
 */
@Converter
public final class TextConverters {

    public TextConverters() {
    }

    @Converter
    public static LocalDate toLocalDate(String text) {
        return LocalDate.parse(text.strip());
    }

    @Converter
    public static ReservationStatus toReservationStatus(String text) {
        return ReservationStatus.fromCode(text.strip().toLowerCase(Locale.ROOT));
    }
}
