import cl.seguimientooc.support.InProcessService;
import cl.seguimientooc.extraction.TestPdfs;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Intake throughput: N confirmation mails (each a distinct generated HotelSales PDF) wait in a
 * GreenMail inbox; the service starts and reads them. Reports seconds from the first claim to the
 * last stored reservation and mails/s, measured from the processed_mail timestamps.
 * Usage: bench/intake.sh [mails]   (PostgreSQL at localhost:5432, user postgres; see docs/BENCHMARKS.md)
 */
public class IntakeBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("log.level", "WARN"); // before anything logs: log4j reads it once
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        InProcessService[] holder = new InProcessService[1];
        String url = cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_intake"); // localhost:5432, else embedded

        GreenMail greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort()});
        greenMail.start();
        // GreenMail's own IMAP server stalls ~40 ms per round trip (no TCP_NODELAY); see NoDelayImapServer.
        cl.seguimientooc.support.NoDelayImapServer imap = cl.seguimientooc.support.NoDelayImapServer.start(greenMail.getManagers());
        GreenMailUser user = greenMail.setUser("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        System.out.printf("generating %d confirmation mails...%n", n);
        Session session = Session.getInstance(new Properties());
        cl.seguimientooc.cli.Progress generating = cl.seguimientooc.cli.Progress.start("Generando correos", n, System.err);
        for (int i = 0; i < n; i++) {
            generating.done(i + 1);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("reservasonline@hotelsales.cl"));
            m.setRecipients(Message.RecipientType.TO, "confirmaciones@agencia.cl");
            m.setSubject("Confirmación de Reserva Hotel - ID " + (70_000_000 + i), "UTF-8");
            MimeMultipart mp = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Adjunto resumen de servicios.", "UTF-8");
            mp.addBodyPart(text);
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    TestPdfs.confirmation(i, i % 2 == 0 ? "WALVIS S.A." : "Agencia Bench SpA", String.valueOf(70_000_000 + i),
                            100_000 + i), "application/pdf")));
            pdf.setFileName("Resumen de servicios.pdf");
            mp.addBodyPart(pdf);
            m.setContent(mp);
            m.saveChanges();
            user.deliver(m);
        }
        generating.close();

        System.setProperty("database.url", url);
        System.setProperty("data.dir", Files.createTempDirectory("oc-bench").toString());
        System.setProperty("web.port", "18071");
        System.setProperty("imap.host", "localhost");
        System.setProperty("imap.port", String.valueOf(imap.port()));
        System.setProperty("imap.use.ssl", "false");
        System.setProperty("imap.username", "confirmaciones");
        System.setProperty("imap.password", "secreto");
        System.setProperty("imap.check.interval", "1");
        System.setProperty("allowed.confirmation.senders", "@hotelsales.cl");
        if (System.getenv("MAIL_MAX_PER_POLL") != null) {
            System.setProperty("mail.max.per.poll", System.getenv("MAIL_MAX_PER_POLL"));
        }
        // The intake starts with the service: measured from the first claim, not from here.
        Thread starter = new Thread(() -> {
            try {
                holder[0] = InProcessService.start(18071);
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        starter.setDaemon(true);
        starter.start();

        long deadline = System.currentTimeMillis() + 600_000;
        long done = 0;
        try (Connection c = waitFor(url)) {
            while (System.currentTimeMillis() < deadline) {
                done = count(c, "SELECT count(*) FROM processed_mail WHERE outcome <> 'en_proceso'");
                if (done >= n) {
                    break;
                }
                Thread.sleep(200);
            }
            long reservations = count(c, "SELECT count(*) FROM reservation");
            long failed = count(c, "SELECT count(*) FROM processed_mail WHERE outcome <> 'procesado'");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT EXTRACT(EPOCH FROM max(updated_at) - min(received_at)) FROM processed_mail")) {
                rs.next();
                double seconds = rs.getDouble(1);
                System.out.printf("mails: %d  reservations: %d  not procesado: %d%n", done, reservations, failed);
                System.out.printf("intake: %.2f s  ->  %.1f mails/s%n", seconds, done / seconds);
            }
        }
        if (holder[0] != null) {
            holder[0].stop();
        }
        imap.stopService();
        greenMail.stop();
        System.exit(0);
    }

    static Connection waitFor(String url) throws Exception {
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url);
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1 FROM processed_mail LIMIT 1").close();
                    return c;
                } catch (Exception e) {
                    c.close();
                }
            } catch (Exception e) {
                // database or schema not there yet
            }
            Thread.sleep(200);
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
