package cl.seguimientooc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** test-imap and test-smtp against a real (GreenMail) server: what they print, and a refused login explained. */
class MailCheckCommandsTest {

    static GreenMail mail;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        mail.start();
        mail.setUser("reservas@agencia.cl", "reservas", "secreto");
        var inbox = mail.getManagers().getUserManager().getUserByEmail("reservas@agencia.cl");
        for (int i = 0; i < 3; i++) {
            MimeMessage m = com.icegreen.greenmail.util.GreenMailUtil.createTextEmail("reservas@agencia.cl", "hotel@hotelsales.cl",
                    "Confirmación " + i, "texto", mail.getImap().getServerSetup());
            mail.getManagers().getImapHostManager().getInbox(inbox).store(m);
        }
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.execute(new Cli.Context(dir, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Map<String, String> imap(String password) {
        Map<String, String> env = new HashMap<>(Map.of("IMAP_HOST", "localhost", "IMAP_PORT", String.valueOf(mail.getImap().getPort()),
                "IMAP_USE_SSL", "false", "IMAP_USERNAME", "reservas", "IMAP_PASSWORD", password));
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("SMTP_USE_TLS", "false");
        env.put("SMTP_FROM_EMAIL", "seguimiento@agencia.cl");
        return env;
    }

    @Test
    void testImapListsFoldersAndCounts() {
        Result r = run(imap("secreto"), "test-imap");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Ingreso correcto"), r.out());
        assertTrue(r.out().contains("INBOX") && r.out().contains("3 mensajes"), r.out());
        assertTrue(r.out().contains("Carpeta «INBOX»: 3 mensajes, 3 sin leer, 3 de los últimos 7 días"), r.out());
    }

    @Test
    void aRefusedLoginIsExplained() {
        Result r = run(imap("equivocada"), "test-imap", "confirmaciones");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Falló: el servidor rechazó el ingreso") && r.err().contains("IMAP_AUTH=clave"), r.err());
        Result notConfigured = run(Map.of(), "test-imap", "oc");
        assertEquals(1, notConfigured.exit());
        assertTrue(notConfigured.err().contains("no está configurado"), notConfigured.err());
        assertEquals(2, run(imap("secreto"), "test-imap", "otro").exit());
    }

    @Test
    void testSmtpSendsAndShowsTheServersAnswer() throws Exception {
        Result r = run(imap("secreto"), "test-smtp", "--to", "ops@agencia.cl");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Enviado a ops@agencia.cl. Respuesta del servidor: 250"), r.out());
        boolean delivered = false;
        for (MimeMessage m : mail.getReceivedMessagesForDomain("ops@agencia.cl")) {
            delivered |= "Prueba de Seguimiento OC".equals(m.getSubject());
        }
        assertTrue(delivered, "the test e-mail reached the mailbox");
        Result refused = run(Map.of(), "test-smtp", "--to", "ops@agencia.cl");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("SMTP no está configurado"), refused.err());
    }

    @Test
    void imapsIsTrustedThroughMailTruststoreNeverImplicitly() throws Exception {
        Path certificate = cl.seguimientooc.support.TokenEndpoint.localhostKeyStore();
        try (cl.seguimientooc.support.TlsProxy imaps = new cl.seguimientooc.support.TlsProxy(certificate,
                cl.seguimientooc.support.TokenEndpoint.STORE_PASSWORD, mail.getImap().getPort())) {
            Map<String, String> env = imap("secreto");
            env.put("IMAP_PORT", String.valueOf(imaps.port()));
            env.put("IMAP_USE_SSL", "true");
            Result untrusted = run(env, "test-imap");
            assertEquals(1, untrusted.exit(), untrusted.out());
            assertTrue(untrusted.err().contains("no es de una autoridad de confianza") && untrusted.err().contains("MAIL_TRUSTSTORE"),
                    untrusted.err());
            env.put("MAIL_TRUSTSTORE", certificate.toString());
            env.put("MAIL_TRUSTSTORE_PASSWORD", cl.seguimientooc.support.TokenEndpoint.STORE_PASSWORD);
            Result trusted = run(env, "test-imap");
            assertEquals(0, trusted.exit(), trusted.err());
            assertTrue(trusted.out().contains("imaps://localhost") && trusted.out().contains("Ingreso correcto"), trusted.out());
        }
    }
}
