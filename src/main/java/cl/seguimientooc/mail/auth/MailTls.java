package cl.seguimientooc.mail.auth;

import cl.seguimientooc.config.MailLogins;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS trust of the mail connections and their token endpoints: the system's CAs, or MAIL_TRUSTSTORE.
 * Nothing here trusts everything; that stays an explicit setting (LADDER_SMTP_SSL_TRUST).
 */
public final class MailTls {

    private final SSLContext context;

    private MailTls(SSLContext context) {
        this.context = context;
    }

    public static MailTls of(Settings settings) {
        String store = settings.get(Setting.MAIL_TRUSTSTORE);
        if (store.isEmpty()) {
            return new MailTls(null);
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(MailLogins.loadTrustStore(Path.of(store), settings.get(Setting.MAIL_TRUSTSTORE_PASSWORD)));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new MailTls(ctx);
        } catch (Exception e) {
            throw new IllegalStateException("MAIL_TRUSTSTORE=" + store + ": " + e.getMessage(), e);
        }
    }

    /** The custom context, or null for the JVM default. */
    public SSLContext context() {
        return context;
    }

    /** The trust for {@code protocol} (imap, imaps, smtp), for both implicit TLS and STARTTLS. */
    public void apply(Properties p, String protocol) {
        if (context != null) {
            p.put("mail." + protocol + ".ssl.socketFactory", context.getSocketFactory());
        }
    }
}
