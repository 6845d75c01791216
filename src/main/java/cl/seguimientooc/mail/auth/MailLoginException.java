package cl.seguimientooc.mail.auth;

/** A mail login that cannot be made, with a reason a person can act on (Spanish). */
public final class MailLoginException extends RuntimeException {

    public MailLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
