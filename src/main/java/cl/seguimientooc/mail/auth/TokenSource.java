package cl.seguimientooc.mail.auth;

/** Where an OAuth2 access token for a mail login comes from. */
public interface TokenSource {

    /** A valid access token, renewed when it is about to expire; throws {@link MailLoginException} with a Spanish reason. */
    String accessToken();
}
