package cl.seguimientooc.web;

import java.time.LocalDate;
import org.apache.camel.Converter;

/** Query and path parameters declared as dates in the REST DSL reach the beans as {@link LocalDate}. */
@Converter
public final class TextConverters {

    public TextConverters() {
    }

    @Converter
    public static LocalDate toLocalDate(String text) {
        return LocalDate.parse(text.strip());
    }
}
