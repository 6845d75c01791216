package cl.seguimientooc.mail.auth;

import cl.seguimientooc.config.MailLogins.Login;
import jakarta.mail.PasswordAuthentication;
import org.apache.camel.component.mail.MailAuthenticator;

/**
 * The login of one mail connection, given to camel-mail as its {@code authenticator}: the password,
 * or a fresh OAuth2 access token that jakarta.mail sends with SASL XOAUTH2. Keeping the password out
 * of the endpoint URI also keeps it out of JMX and logs.
 */
public final class MailLogin extends MailAuthenticator {

    private final Login login;
    private final TokenSource tokens;

    public MailLogin(Login login, TokenSource tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    public Login login() {
        return login;
    }

    @Override
    public PasswordAuthentication getPasswordAuthentication() {
        String user = login.username().isEmpty() ? null : login.username();
        if (tokens == null) {
            return new PasswordAuthentication(user, login.password().isEmpty() ? null : login.password());
        }
        return new PasswordAuthentication(user, tokens.accessToken());
    }
}
