package cl.seguimientooc.mail.auth;

import cl.seguimientooc.config.MailLogins;
import cl.seguimientooc.config.MailLogins.Login;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import java.util.Locale;
import java.time.Clock;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds each mail connection's login and jakarta.mail properties from the settings. */
public final class MailConnections {

    private static final Logger LOG = LoggerFactory.getLogger(MailConnections.class);

    private final Settings settings;
    private final RefreshTokenStore refreshTokens;
    private final MailTls tls;

    public MailConnections(Settings settings, RefreshTokenStore refreshTokens) {
        this.settings = settings;
        this.refreshTokens = refreshTokens;
        this.tls = MailTls.of(settings);
    }

    public MailTls tls() {
        return tls;
    }

    /** The authenticator of {@code connection} (MailLogins.CONFIRMATIONS, OC or SMTP). */
    public MailLogin login(String connection) {
        Login l = MailLogins.of(settings, connection);
        TokenSource tokens = switch (l.auth()) {
            case MailLogins.MICROSOFT -> new MicrosoftTokens(l.username(), settings.get(Setting.OAUTH_TENANT_ID),
                    settings.get(Setting.OAUTH_CLIENT_ID), settings.get(Setting.OAUTH_CLIENT_SECRET),
                    settings.get(Setting.OAUTH_TOKEN_URL), tls.context());
            case MailLogins.GOOGLE -> new GoogleTokens(l.username(), settings.get(Setting.OAUTH_TOKEN_URL),
                    settings.get(Setting.OAUTH_CLIENT_ID), settings.get(Setting.OAUTH_CLIENT_SECRET), l.refreshToken(),
                    refreshTokens, tls.context(), Clock.systemUTC());
            default -> null;
        };
        return new MailLogin(l, tokens);
    }

    /** SASL XOAUTH2 when the login is OAuth2, and the trust store, for {@code protocol} (imap, imaps, smtp). */
    public void configure(Properties p, MailLogin login, String protocol) {
        if (login.login().oauth()) {
            p.setProperty("mail." + protocol + ".auth.mechanisms", login.login().saslMechanism());
            if (protocol.startsWith("smtp")) {
                p.setProperty("mail." + protocol + ".auth", "true");
            }
        }
        tls.apply(p, protocol);
    }

    /** Timeouts and TLS of SMTP (the ladder, the daily summary, test-smtp); the login is added by {@link #configure}. */
    public static Properties smtpProperties(Settings settings) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", "30000");
        p.setProperty("mail.smtp.timeout", "60000");
        String ssl = settings.get(Setting.LADDER_SMTP_SSL).toLowerCase(Locale.ROOT);
        if (ssl.equals("true") || (!ssl.equals("false") && settings.getInt(Setting.SMTP_PORT) == 465)) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        } else if (settings.getBoolean(Setting.SMTP_USE_TLS)) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (!settings.get(Setting.LADDER_SMTP_SSL_TRUST).isEmpty()) {
            // hosts whose certificate is trusted without the JVM's CA store (a self-signed relay, tests)
            p.setProperty("mail.smtp.ssl.trust", settings.get(Setting.LADDER_SMTP_SSL_TRUST));
        }
        p.setProperty("mail.smtp.ssl.checkserveridentity", String.valueOf(settings.getBoolean(Setting.LADDER_SMTP_SSL_CHECK_IDENTITY)));
        return p;
    }

    /** Warns when a connection would carry its login in plain text over the network. */
    public static void warnPlaintext(String what, String host, boolean encrypted) {
        if (!encrypted && !host.isEmpty() && !Settings.loopback(host)) {
            LOG.warn("{} usa {} sin cifrar: el usuario, la contraseña o el token viajan legibles por la red."
                    + " Active SSL/TLS (IMAP_USE_SSL, OC_INBOX_USE_SSL, SMTP_USE_TLS o LADDER_SMTP_SSL)", what, host);
        }
    }
}
