package cl.seguimientooc.extraction;

/** A document that cannot be turned into a reservation, with a reason a person can act on. */
public class ExtractionException extends Exception {

    private final ExtractionError.Code code;

    public ExtractionException(ExtractionError.Code code, String message) {
        super(message);
        this.code = code;
    }

    public ExtractionException(ExtractionError.Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ExtractionError.Code code() {
        return code;
    }
}
