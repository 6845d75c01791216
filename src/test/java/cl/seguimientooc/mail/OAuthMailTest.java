package cl.seguimientooc.mail;

import static cl.seguimientooc.support.MailHarness.await;
import static cl.seguimientooc.support.MailHarness.mail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.config.MailLogins;
import cl.seguimientooc.mail.auth.GoogleTokens;
import cl.seguimientooc.mail.auth.MailConnections;
import cl.seguimientooc.mail.auth.MailLogin;
import cl.seguimientooc.mail.auth.MailLoginException;
import cl.seguimientooc.mail.auth.MailTls;
import cl.seguimientooc.mail.auth.RefreshTokenStore;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.TokenEndpoint;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OAuth2 mail against GreenMail's SASL XOAUTH2 (it accepts the access token where a password would
 * go) and a local HTTPS token endpoint trusted through MAIL_TRUSTSTORE:
 * the confirmations mailbox with Microsoft 365 client credentials (MSAL, camel-mail-microsoft-oauth),
 * the OC mailbox and SMTP with a Google refresh token, whose renewal is stored.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthMailTest {

    static MailHarness h;
    static TokenEndpoint tokens;

    @BeanInject
    CamelContext context;

    static TokenEndpoint.Answer answer(Map<String, String> form) {
        if (form.get("_path").endsWith("/oauth2/v2.0/token")) { // MSAL, client credentials
            boolean ok = "client_credentials".equals(form.get("grant_type")) && "app-1".equals(form.get("client_id"))
                    && "s3cret".equals(form.get("client_secret"))
                    && String.valueOf(form.get("scope")).contains("https://outlook.office365.com/.default");
            return ok ? new TokenEndpoint.Answer(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"ms-token-1\"}")
                    : new TokenEndpoint.Answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret.\"}");
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !"s3cret".equals(form.get("client_secret"))) {
            return new TokenEndpoint.Answer(401, "{\"error\":\"invalid_client\"}");
        }
        return switch (String.valueOf(form.get("refresh_token"))) { // Google: r1 is renewed to r2
            case "r1" -> new TokenEndpoint.Answer(200, "{\"access_token\":\"g-token-1\",\"expires_in\":3599,\"refresh_token\":\"r2\"}");
            case "r2" -> new TokenEndpoint.Answer(200, "{\"access_token\":\"g-token-1\",\"expires_in\":3599}");
            default -> new TokenEndpoint.Answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
        };
    }

    @BeforeAll
    static void infrastructure() throws Exception {
        tokens = new TokenEndpoint(OAuthMailTest::answer);
        h = new MailHarness("oc_oauth");
        h.user("reservas@agencia.cl", "reservas@agencia.cl", "ms-token-1");
        h.user("oc@agencia.cl", "oc@agencia.cl", "g-token-1");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "reservas@agencia.cl", "imap.auth", "microsoft365",
                "oc.inbox.host", "127.0.0.1", "oc.inbox.port", String.valueOf(h.imapPort()), "oc.inbox.use.ssl", "false",
                "oc.inbox.username", "oc@agencia.cl", "oc.inbox.auth", "google", "oc.inbox.oauth.refresh.token", "r1",
                "oauth.tenant.id", "tenant-1", "oauth.client.id", "app-1", "oauth.client.secret", "s3cret",
                "oauth.token.url", tokens.url("/tenant-1/"),
                "mail.truststore", tokens.keyStore.toString(), "mail.truststore.password", TokenEndpoint.STORE_PASSWORD,
                "allowed.confirmation.senders", "@hotelsales.cl");
    }

    @AfterAll
    static void stop() {
        h.close();
        tokens.close();
    }

    @Test
    void bothMailboxesAreReadWithTheirTokensAndGooglesRenewedTokenIsStored() throws Exception {
        h.awaitReady();
        MimeMessage toConfirmations = mail("alguien@hotelsales.cl", "Hola", "sin adjuntos");
        MimeMessage toOc = mail("compras@cliente.cl", "Consulta", "sin adjuntos");
        h.append("reservas@agencia.cl", "ms-token-1", toConfirmations, false);
        h.append("oc@agencia.cl", "g-token-1", toOc, false);
        await("both read", () -> (Long) h.scalar("SELECT count(*) FROM processed_mail WHERE message_id IN (?, ?)",
                toConfirmations.getMessageID(), toOc.getMessageID()) == 2);
        assertEquals("r2", h.scalar("SELECT token FROM oauth_refresh_token WHERE account = 'oc@agencia.cl'"),
                "Google's renewed refresh token is kept for the next start and the other replicas");
        assertTrue(tokens.requests.stream().anyMatch(f -> "client_credentials".equals(f.get("grant_type"))), "MSAL asked");
    }

    @Test
    void theSaslExchangeIsXoauth2ForImapAndSmtp() throws Exception {
        MailConnections connections = context.getRegistry().lookupByNameAndType("mailConnections", MailConnections.class);
        MailLogin login = connections.login(MailLogins.CONFIRMATIONS);
        Properties p = new Properties();
        connections.configure(p, login, "imap");
        connections.configure(p, login, "smtp");
        Session session = Session.getInstance(p);
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        session.setDebug(true);
        session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
        try (Store store = session.getStore("imap")) {
            var auth = login.getPasswordAuthentication();
            store.connect("localhost", h.imapPort(), auth.getUserName(), auth.getPassword());
            assertTrue(store.getFolder("INBOX").exists());
        }
        try (Transport smtp = session.getTransport("smtp")) {
            var auth = login.getPasswordAuthentication();
            smtp.connect("localhost", h.smtpPort(), auth.getUserName(), auth.getPassword());
        }
        String log = trace.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("AUTHENTICATE XOAUTH2"), "IMAP authenticated with SASL XOAUTH2");
        assertTrue(log.contains("AUTH XOAUTH2"), "SMTP authenticated with SASL XOAUTH2");
        assertTrue(!log.contains("LOGIN reservas@agencia.cl"), "the token was never sent as a LOGIN password");
    }

    @Test
    void refusedTokensGiveASpanishReasonThatNamesTheSetting() throws Exception {
        RefreshTokenStore store = new RefreshTokenStore(context.getRegistry().lookupByNameAndType("db", cl.seguimientooc.store.Db.class).jdbc());
        MailTls trusted = context.getRegistry().lookupByNameAndType("mailConnections", MailConnections.class).tls();
        GoogleTokens revoked = new GoogleTokens("otra@agencia.cl", tokens.url("/google"), "app-1", "s3cret", "revocado", store,
                trusted.context(), Clock.systemUTC());
        MailLoginException e = assertThrows(MailLoginException.class, revoked::accessToken);
        assertTrue(e.getMessage().contains("vencido o revocado") && e.getMessage().contains("_OAUTH_REFRESH_TOKEN"), e.getMessage());
        GoogleTokens untrusted = new GoogleTokens("otra@agencia.cl", tokens.url("/google"), "app-1", "s3cret", "r1", store, null,
                Clock.systemUTC());
        MailLoginException tls = assertThrows(MailLoginException.class, untrusted::accessToken);
        assertTrue(tls.getMessage().contains("MAIL_TRUSTSTORE"), "a certificate the system does not trust: " + tls.getMessage());
    }
}
