package cl.seguimientooc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.mail.auth.MailAuthErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which login each mail connection uses, what OAuth2 needs, and the Spanish reasons for a refused login. */
class MailLoginsTest {

    @TempDir
    Path dir;

    private Settings load(Map<String, String> env) {
        return Settings.load(Settings.standardLookup(dir, env));
    }

    private String problems(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env)).getMessage();
    }

    private static Map<String, String> with(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("IMAP_HOST", "outlook.office365.com", "IMAP_USERNAME", "reservas@agencia.cl"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void passwordIsTheDefaultAndTheOcMailboxAndSmtpInheritSensibly() {
        Settings s = load(with("OC_INBOX_HOST", "imap.gmail.com", "OC_INBOX_USERNAME", "oc@agencia.cl", "IMAP_AUTH", "microsoft365",
                "OAUTH_TENANT_ID", "t", "OAUTH_CLIENT_ID", "c", "OAUTH_CLIENT_SECRET", "s", "SMTP_HOST", "smtp.relay.cl"));
        assertEquals("microsoft365", MailLogins.of(s, MailLogins.CONFIRMATIONS).auth());
        assertEquals("microsoft365", MailLogins.of(s, MailLogins.OC).auth(), "OC_INBOX_AUTH empty: IMAP_AUTH");
        assertEquals("clave", MailLogins.of(s, MailLogins.SMTP).auth(), "SMTP_AUTH empty: a password (or none) for the relay");
        assertEquals("XOAUTH2", MailLogins.of(s, MailLogins.OC).saslMechanism());
        assertNull(MailLogins.of(s, MailLogins.SMTP).saslMechanism());
        Settings shared = load(with("IMAP_AUTH", "google", "OAUTH_CLIENT_ID", "c", "OAUTH_CLIENT_SECRET", "s",
                "IMAP_OAUTH_REFRESH_TOKEN", "r1", "OC_INBOX_AUTH", "clave"));
        assertEquals("google", MailLogins.of(shared, MailLogins.OC).auth(), "no OC_INBOX_HOST: the same account, the same login");
        assertEquals("r1", MailLogins.of(shared, MailLogins.OC).refreshToken());
    }

    @Test
    void oauthNamesEveryMissingKey() {
        String m = problems(with("IMAP_AUTH", "microsoft365"));
        assertTrue(m.contains("IMAP_AUTH=microsoft365") && m.contains("OAUTH_TENANT_ID, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET"), m);
        String g = problems(with("IMAP_AUTH", "google", "OAUTH_CLIENT_ID", "c", "OAUTH_CLIENT_SECRET", "s",
                "SMTP_HOST", "smtp.gmail.com", "SMTP_AUTH", "google", "SMTP_USERNAME", ""));
        assertTrue(g.contains("IMAP_OAUTH_REFRESH_TOKEN"), g);
        assertTrue(g.contains("SMTP_AUTH=google: el servidor SMTP necesita su usuario"), g);
        assertTrue(problems(with("IMAP_AUTH", "oauth")).contains("debe ser clave, microsoft365 o google"));
        assertTrue(problems(with("OAUTH_TOKEN_URL", "http://login.example/")).contains("https://"));
        // not configured connections need nothing
        load(Map.of("IMAP_AUTH", "microsoft365"));
    }

    @Test
    void aTrustStoreMustExistAndOpen() throws Exception {
        assertTrue(problems(with("MAIL_TRUSTSTORE", dir.resolve("no.p12").toString())).contains("no existe"));
        Path junk = Files.writeString(dir.resolve("junk.p12"), "no es un almacén");
        assertTrue(problems(with("MAIL_TRUSTSTORE", junk.toString())).contains("no se puede leer"));
    }

    @Test
    void refusalsAreExplainedInSpanishWithTheSettingToChange() {
        // Microsoft 365 SMTP and IMAP, Gmail IMAP and SMTP, as they answer when basic authentication is off
        for (String reply : new String[] {
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [SN4PR0501CA0054.namprd05.prod.outlook.com]",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            "A1 NO LOGIN failed. LogonDenied-BasicAuthBlocked",
            "[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)",
            "534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor"}) {
            String why = MailAuthErrors.explain(new jakarta.mail.AuthenticationFailedException(reply), "IMAP_AUTH");
            assertTrue(why != null && why.contains("desactivó la autenticación básica") && why.contains("IMAP_AUTH=microsoft365"),
                    reply + " → " + why);
        }
        String wrong = MailAuthErrors.explain(new jakarta.mail.MessagingException("x",
                new jakarta.mail.AuthenticationFailedException("[AUTHENTICATIONFAILED] Invalid credentials (Failure)")), "OC_INBOX_AUTH");
        assertTrue(wrong.contains("rechazó el ingreso") && wrong.contains("OC_INBOX_AUTH=clave"), wrong);
        assertNull(MailAuthErrors.explain(new java.net.ConnectException("Connection refused"), "IMAP_AUTH"));
        assertFalse(MailAuthErrors.explain(new jakarta.mail.AuthenticationFailedException("LOGIN failed."), "SMTP_AUTH").isEmpty());
    }
}
