package cl.seguimientooc.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

/** GreenMail mailboxes, a fresh database and HTTP helpers for the mail-intake integration tests. */
public final class MailHarness {

    public static final ObjectMapper JSON = cl.seguimientooc.store.Json.MAPPER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PROPERTIES = List.of("web.port", "database.url", "data.dir", "imap.host", "imap.port",
            "imap.username", "imap.password", "imap.use.ssl", "imap.check.interval", "oc.inbox.host", "oc.inbox.port",
            "oc.inbox.username", "oc.inbox.password", "oc.inbox.use.ssl", "oc.check.interval",
            "allowed.confirmation.senders", "agencies.requiring.oc", "mail.max.per.poll", "mail.post.action", "mail.move.folder", "smtp.host", "smtp.port", "smtp.use.tls", "smtp.from.email",
            "email.cc.recipients", "oc.test.clock", "oc.test.clock.at", "ladder.smtp.ssl", "ladder.smtp.ssl.trust", "ladder.smtp.ssl.check.identity", "oc.files.dir", "ladder.first.run.delay.ms", "oc.acknowledge", "admin.username", "admin.password", "oc.trusted.senders", "ladder.smtp.redelivery.delay.ms",
            "camel.main.routes-include-pattern", "ladder.file", "templates.dir", "imap.post.action", "imap.move.folder",
            "oc.inbox.post.action", "oc.inbox.move.folder", "web.login.max.failures", "web.login.lock.minutes",
            "web.session.idle.minutes", "daily.summary.enabled", "daily.summary.time", "daily.summary.recipients",
            "imap.auth", "oc.inbox.auth", "smtp.auth", "oauth.tenant.id", "oauth.client.id", "oauth.client.secret", "oauth.token.url",
            "imap.oauth.refresh.token", "oc.inbox.oauth.refresh.token", "smtp.oauth.refresh.token", "mail.truststore",
            "mail.truststore.password", "smtp.username", "smtp.password");
    /** The admin credentials every test service runs with. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "clave-de-prueba";
    public static final String AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    public final GreenMail greenMail;
    private final NoDelayImapServer imap;
    private final NoDelaySmtpServer smtp;
    public final int webPort;
    public final String dbUrl;

    public MailHarness(String database) {
        greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()});
        greenMail.start();
        try {
            imap = NoDelayImapServer.start(greenMail.getManagers());
            smtp = NoDelaySmtpServer.start(greenMail.getManagers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        webPort = Ports.free();
        dbUrl = TestDatabase.newDatabase(database);
    }

    /** Sets the service's settings as system properties (cleared by {@link #close}). */
    public void configure(String... keyValues) throws Exception {
        System.setProperty("web.port", String.valueOf(webPort));
        System.setProperty("database.url", dbUrl);
        System.setProperty("data.dir", java.nio.file.Files.createTempDirectory("oc-data").toString());
        System.setProperty("admin.username", ADMIN_USER);
        System.setProperty("admin.password", ADMIN_PASSWORD);
        System.setProperty("imap.check.interval", "1");
        System.setProperty("oc.check.interval", "1");
        System.setProperty("ladder.first.run.delay.ms", "3600000"); // tests run the ladder through process-now
        System.setProperty("ladder.smtp.redelivery.delay.ms", "20"); // the route's backoff is tested on its own
        System.setProperty("web.login.max.failures", "1000"); // throttling is tested with its own limit (WebLoginTest)
        System.setProperty("daily.summary.enabled", "false"); // DailySummaryTest turns it on; elsewhere it would add mail
        for (int i = 0; i < keyValues.length; i += 2) {
            System.setProperty(keyValues[i], keyValues[i + 1]);
        }
    }

    public int smtpPort() {
        return smtp.getPort();
    }

    /** GreenMail's own SMTP server (slower: no TCP_NODELAY), for relays that need a stable target. */
    public int plainSmtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return imap.port();
    }

    public void user(String email, String login, String password) {
        greenMail.setUser(email, login, password);
    }

    public void close() {
        PROPERTIES.forEach(System::clearProperty);
        imap.stopService();
        smtp.stopService();
        greenMail.stop();
    }

    // ---- building and delivering messages ----

    public static MimeMessage mail(String from, String subject, String text, Attachment... attachments) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, "buzon@agencia.cl");
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new java.util.Date());
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mp.addBodyPart(body);
        for (Attachment a : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
            if (a.name() != null) {
                part.setFileName(a.name());
            }
            part.setDisposition(a.inline() ? MimeBodyPart.INLINE : MimeBodyPart.ATTACHMENT);
            mp.addBodyPart(part);
        }
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Message-ID", "<" + UUID.randomUUID() + "@test.hotelsales.cl>");
        return m;
    }

    public record Attachment(String name, String contentType, byte[] content, boolean inline) {
        public static Attachment pdf(String name, byte[] content) {
            return new Attachment(name, "application/pdf", content, false);
        }
    }

    /** Appends over IMAP, as another mail client would, optionally already read. */
    public void append(String login, String password, MimeMessage message, boolean seen) throws Exception {
        try (Store store = imap(login, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            message.setFlag(Flags.Flag.SEEN, seen);
            inbox.appendMessages(new Message[] {message});
            inbox.close(false);
        }
    }

    /** The server-side flags of the message with this Message-ID (null when it is not there). */
    public Flags flags(String login, String password, String messageId) throws Exception {
        return flags(login, password, "INBOX", messageId);
    }

    public Flags flags(String login, String password, String folder, String messageId) throws Exception {
        try (Store store = imap(login, password)) {
            Folder inbox = store.getFolder(folder);
            if (!inbox.exists()) {
                return null;
            }
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new HeaderTerm("Message-ID", messageId));
            Flags flags = found.length == 0 ? null : found[0].getFlags();
            inbox.close(false);
            return flags;
        }
    }

    private Store imap(String login, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("localhost", imapPort(), login, password);
        return store;
    }

    /** What arrived in this recipient's own mailbox (GreenMail keeps one copy per recipient). */
    public List<MimeMessage> received(String address) {
        var user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            List<MimeMessage> out = new ArrayList<>();
            for (var stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                out.add(stored.getMimeMessage());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- database and HTTP ----

    public List<List<Object>> query(String sql, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.add(rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public Object scalar(String sql, Object... args) throws Exception {
        List<List<Object>> rows = query(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return HTTP.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the service, with the admin's credentials. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + path)).header("Authorization", AUTHORIZATION);
    }

    /** POST /api/process-now (one ladder run), asserting 200; its summary. */
    public JsonNode processNow() throws Exception {
        java.net.http.HttpResponse<String> r = post("/api/process-now", "application/json", "");
        org.junit.jupiter.api.Assertions.assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Sets the test clock (an instant or an offset such as +2d), asserting 200. */
    public void clock(String value) throws Exception {
        org.junit.jupiter.api.Assertions.assertEquals(200, post("/api/test/clock", "text/plain", value).statusCode());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " -> " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    public void awaitReady() throws Exception {
        await("service ready", () -> {
            try {
                return get("/observe/health/ready").statusCode() == 200;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    public static void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, 30, condition);
    }

    public static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (Boolean.TRUE.equals(condition.call())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
