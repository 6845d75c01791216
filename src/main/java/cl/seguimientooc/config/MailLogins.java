package cl.seguimientooc.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the service logs in to each mail connection: the confirmations mailbox, the OC mailbox and
 * SMTP. Each uses a password ({@code clave}) or OAuth2: Microsoft 365 client credentials, or a
 * Google refresh token. One OAuth2 application (OAUTH_CLIENT_*) serves all three.
 */
public final class MailLogins {

    public static final String PASSWORD = "clave";
    public static final String MICROSOFT = "microsoft365";
    public static final String GOOGLE = "google";
    static final List<String> AUTH_METHODS = List.of(PASSWORD, MICROSOFT, GOOGLE);

    public static final String CONFIRMATIONS = "confirmaciones";
    public static final String OC = "oc";
    public static final String SMTP = "smtp";

    private MailLogins() {
    }

    /** One connection's login; {@code refreshToken} only for google. */
    public record Login(String connection, String auth, String username, String password, String refreshToken,
                        Setting authSetting, Setting refreshSetting) {

        public boolean oauth() {
            return !auth.equals(PASSWORD);
        }

        /** The SASL mechanism to offer, or null for the server's usual login. */
        public String saslMechanism() {
            return oauth() ? "XOAUTH2" : null;
        }
    }

    /** The login of {@code connection}: {@link #CONFIRMATIONS}, {@link #OC} or {@link #SMTP}. */
    public static Login of(Settings s, String connection) {
        return switch (connection) {
            case CONFIRMATIONS -> new Login(CONFIRMATIONS, auth(s, Setting.IMAP_AUTH, null), s.get(Setting.IMAP_USERNAME),
                    s.get(Setting.IMAP_PASSWORD), s.get(Setting.IMAP_OAUTH_REFRESH_TOKEN), Setting.IMAP_AUTH,
                    Setting.IMAP_OAUTH_REFRESH_TOKEN);
            case OC -> {
                if (s.get(Setting.OC_INBOX_HOST).isEmpty()) { // the confirmations account
                    Login c = of(s, CONFIRMATIONS);
                    yield new Login(OC, c.auth(), c.username(), c.password(), c.refreshToken(), c.authSetting(), c.refreshSetting());
                }
                yield new Login(OC, auth(s, Setting.OC_INBOX_AUTH, Setting.IMAP_AUTH), s.get(Setting.OC_INBOX_USERNAME),
                        s.get(Setting.OC_INBOX_PASSWORD), refresh(s, Setting.OC_INBOX_OAUTH_REFRESH_TOKEN), Setting.OC_INBOX_AUTH,
                        Setting.OC_INBOX_OAUTH_REFRESH_TOKEN);
            }
            case SMTP -> new Login(SMTP, auth(s, Setting.SMTP_AUTH, null), s.get(Setting.SMTP_USERNAME), s.get(Setting.SMTP_PASSWORD),
                    refresh(s, Setting.SMTP_OAUTH_REFRESH_TOKEN), Setting.SMTP_AUTH, Setting.SMTP_OAUTH_REFRESH_TOKEN);
            default -> throw new IllegalArgumentException(connection);
        };
    }

    private static String auth(Settings s, Setting own, Setting fallback) {
        String v = s.get(own);
        if (v.isEmpty()) {
            v = fallback == null ? PASSWORD : s.get(fallback);
        }
        return v.isEmpty() ? PASSWORD : v.toLowerCase(Locale.ROOT);
    }

    private static String refresh(Settings s, Setting own) {
        return s.get(own).isEmpty() ? s.get(Setting.IMAP_OAUTH_REFRESH_TOKEN) : s.get(own);
    }

    /** What is missing for the connections in use, each with the keys to set. */
    static List<String> problems(Settings s) {
        List<String> problems = new ArrayList<>();
        if (!List.of(s.get(Setting.IMAP_AUTH), s.get(Setting.OC_INBOX_AUTH), s.get(Setting.SMTP_AUTH)).stream()
                .allMatch(v -> v.isEmpty() || AUTH_METHODS.contains(v.toLowerCase(Locale.ROOT)))) {
            return problems; // each bad value is already reported
        }
        List<Login> inUse = new ArrayList<>();
        if (!s.get(Setting.IMAP_HOST).isEmpty()) {
            inUse.add(of(s, CONFIRMATIONS));
        }
        if (!s.get(Setting.OC_INBOX_HOST).isEmpty()) {
            inUse.add(of(s, OC));
        }
        if (!s.get(Setting.SMTP_HOST).isEmpty()) {
            inUse.add(of(s, SMTP));
        }
        for (Login l : inUse) {
            String who = l.connection().equals(SMTP) ? "el servidor SMTP" : "el buzón de " + l.connection();
            if (l.oauth() && l.username().isEmpty()) {
                problems.add(l.authSetting().name() + "=" + l.auth() + ": " + who + " necesita su usuario (la dirección de la cuenta)");
            }
            List<Setting> needed = new ArrayList<>(List.of(Setting.OAUTH_CLIENT_ID, Setting.OAUTH_CLIENT_SECRET));
            if (l.auth().equals(MICROSOFT)) {
                needed.add(0, Setting.OAUTH_TENANT_ID);
            } else if (!l.auth().equals(GOOGLE)) {
                continue;
            }
            List<String> missing = new ArrayList<>(needed.stream().filter(k -> s.get(k).isEmpty()).map(Setting::name).toList());
            if (l.auth().equals(GOOGLE) && l.refreshToken().isEmpty()) {
                missing.add(l.refreshSetting().name());
            }
            if (!missing.isEmpty()) {
                problems.add(l.authSetting().name() + "=" + l.auth() + ": para " + who + " falta " + String.join(", ", missing)
                        + " (vea docs/DEPLOY.md, «Correo con OAuth2»)");
            }
        }
        String store = s.get(Setting.MAIL_TRUSTSTORE);
        if (!store.isEmpty() && Files.isRegularFile(Path.of(store))) {
            try {
                loadTrustStore(Path.of(store), s.get(Setting.MAIL_TRUSTSTORE_PASSWORD));
            } catch (Exception e) {
                problems.add("MAIL_TRUSTSTORE=" + store + ": no se puede leer (" + e.getMessage()
                        + "); revise el archivo y MAIL_TRUSTSTORE_PASSWORD");
            }
        }
        return problems;
    }

    /** The trust store, PKCS12 or JKS (the type is read from the file). */
    public static KeyStore loadTrustStore(Path file, String password) throws Exception {
        return KeyStore.getInstance(file.toFile(), password.isEmpty() ? null : password.toCharArray());
    }
}
