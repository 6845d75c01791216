import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.Ports;
import cl.seguimientooc.support.ServiceEnv;
import cl.seguimientooc.support.ServiceProcess;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Intake against Dovecot (started by bench/intake-dovecot.sh): for each replica count, N generated
 * confirmations are written into the Maildir, a fresh database is made, that many replicas (separate
 * JVMs) start, and the time from the first claim to the last stored mail gives mails/s.
 * Usage: bench/intake-dovecot.sh [mails] [replica counts]
 */
public class DovecotIntakeBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path maildir = Path.of(args[1]);
        int imapPort = Integer.parseInt(args[2]);
        List<byte[]> mails = generate(n);
        System.out.println("replicas | mails | stored | not procesado | seconds | mails/s");
        System.out.println("---|---|---|---|---|---");
        for (int a = 3; a < args.length; a++) {
            int replicas = Integer.parseInt(args[a]);
            empty(maildir);
            String url = cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_dovecot_" + replicas);
            List<Integer> ports = new ArrayList<>();
            List<Map<String, String>> envs = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                ports.add(Ports.free());
                envs.add(ServiceEnv.on(url, Files.createTempDirectory("oc-bench-dovecot").toString())
                        .confirmations("127.0.0.1", imapPort, "confirmaciones", "secreto")
                        .with("IMAP_CHECK_INTERVAL", "1").with("LADDER_FIRST_RUN_DELAY_MS", "86400000").build());
            }
            List<ServiceProcess> running = ServiceProcess.startAll(ports, envs);
            deliver(maildir, mails, replicas); // all replicas polling: each run measures that many readers
            try (Connection c = DriverManager.getConnection(url)) {
                long deadline = System.currentTimeMillis() + 600_000;
                while (count(c, "SELECT count(*) FROM processed_mail WHERE outcome <> 'en_proceso'") < n
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                long stored = count(c, "SELECT count(*) FROM reservation");
                long failed = count(c, "SELECT count(*) FROM processed_mail WHERE outcome <> 'procesado'");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT EXTRACT(EPOCH FROM max(updated_at) - min(received_at)) FROM processed_mail")) {
                    rs.next();
                    double seconds = rs.getDouble(1);
                    System.out.printf("%d | %d | %d | %d | %.1f | %.1f%n", replicas, n, stored, failed, seconds, n / seconds);
                }
            }
            for (ServiceProcess p : running) {
                p.close();
            }
        }
        System.exit(0);
    }

    /** Distinct HotelSales confirmations as raw RFC 822 bytes (the Maildir's files). */
    static List<byte[]> generate(int n) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<byte[]> out = new ArrayList<>();
        cl.seguimientooc.cli.Progress progress = cl.seguimientooc.cli.Progress.start("Generando correos", n, System.err);
        for (int i = 0; i < n; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("reservasonline@hotelsales.cl"));
            m.setRecipients(Message.RecipientType.TO, "confirmaciones@agencia.cl");
            m.setSubject("Confirmación de Reserva Hotel - ID " + (70_000_000 + i), "UTF-8");
            m.setSentDate(new java.util.Date());
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Adjunto resumen de servicios.", "UTF-8");
            mp.addBodyPart(text);
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(TestPdfs.confirmation(i,
                    i % 2 == 0 ? "WALVIS S.A." : "Agencia Bench SpA", String.valueOf(70_000_000 + i), 100_000 + i),
                    "application/pdf")));
            pdf.setFileName("Resumen de servicios.pdf");
            mp.addBodyPart(pdf);
            m.setContent(mp);
            m.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            m.writeTo(bytes);
            out.add(bytes.toByteArray());
            progress.done(i + 1);
        }
        progress.close();
        return out;
    }

    /** An empty mailbox, owned by Dovecot's mail user. */
    static void empty(Path maildir) throws Exception {
        if (Files.exists(maildir)) {
            try (var walk = Files.walk(maildir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (String d : List.of("new", "cur", "tmp")) {
            Files.createDirectories(maildir.resolve(d));
        }
        new ProcessBuilder("chown", "-R", "dovecot:dovecot", maildir.getParent().toString()).inheritIO().start().waitFor();
    }

    /** The mails as new Maildir files (written aside in tmp/, then moved, as a delivery agent does). */
    static void deliver(Path maildir, List<byte[]> mails, int run) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < mails.size(); i++) {
            String name = now + ".R" + run + "M" + i + ".bench";
            Path tmp = Files.write(maildir.resolve("tmp").resolve(name), mails.get(i));
            var owners = tmp.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(tmp, owners.lookupPrincipalByName("dovecot"));
            Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(owners.lookupPrincipalByGroupName("dovecot"));
            Files.move(tmp, maildir.resolve("new").resolve(name));
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
