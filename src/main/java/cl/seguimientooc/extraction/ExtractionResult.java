package cl.seguimientooc.extraction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Either a reservation (with any warnings) or the reason there is none. Never half of each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ok", "layout", "reserva", "advertencias", "error"})
public record ExtractionResult(
        @JsonProperty("layout") String layout,
        @JsonProperty("reserva") Reservation reservation,
        @JsonProperty("advertencias") List<String> warnings,
        @JsonProperty("error") ExtractionError error,
        @JsonIgnore String text) {

    public static ExtractionResult success(String layout, Reservation reservation, List<String> warnings, String text) {
        return new ExtractionResult(layout, reservation, List.copyOf(warnings), null, text);
    }

    public static ExtractionResult failure(String layout, ExtractionError error, String text) {
        return new ExtractionResult(layout, null, null, error, text);
    }

    @JsonProperty("ok")
    public boolean ok() {
        return error == null;
    }
}
