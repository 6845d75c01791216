package cl.seguimientooc.extraction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Why a document gave no reservation: a code for programs, a Spanish message for people. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExtractionError(
        @JsonProperty("codigo") Code code,
        @JsonProperty("mensaje") String message,
        @JsonProperty("campos_faltantes") List<MissingField> missingFields,
        @JsonProperty("inicio_texto") List<String> textHead) {

    public enum Code {
        EMPTY_FILE, NOT_A_PDF, TOO_LARGE, ENCRYPTED, CORRUPT, TOO_MANY_PAGES, TIMEOUT, NO_TEXT,
        NO_LAYOUT, MISSING_FIELDS, INVALID_VALUE
    }

    /** A required field that could not be read, and why. */
    public record MissingField(@JsonProperty("campo") String field, @JsonProperty("motivo") String reason) {
    }

    public static ExtractionError of(ExtractionException e) {
        return new ExtractionError(e.code(), e.getMessage(), List.of(), List.of());
    }
}
