package cl.seguimientooc.web;

/** A request the API refuses, with the HTTP status and a Spanish message for the caller. */
public final class ApiError extends RuntimeException {

    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
