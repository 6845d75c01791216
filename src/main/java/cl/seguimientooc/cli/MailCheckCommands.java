package cl.seguimientooc.cli;

import cl.seguimientooc.config.MailLogins;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.mail.MailKeys;
import cl.seguimientooc.mail.auth.MailAuthErrors;
import cl.seguimientooc.mail.auth.MailConnections;
import cl.seguimientooc.mail.auth.MailLogin;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** test-imap and test-smtp: the mail settings tried for real, with the login the service would use. */
public final class MailCheckCommands {

    private MailCheckCommands() {
    }

    static int failed(Cli.Context ctx, Exception e, String authKey) {
        String why = MailAuthErrors.explain(e, authKey);
        ctx.err().println("Falló: " + (why != null ? why + " (" + e.getMessage() + ")" : e.getMessage()));
        return 1;
    }

    @Command(name = "test-imap", description = {"Se conecta al buzón con la configuración actual, ingresa (clave u OAuth2) y",
        "muestra sus carpetas con la cantidad de mensajes, y en la carpeta configurada los no leídos y los de los",
        "últimos MAIL_LOOKBACK_DAYS días. No cambia nada en el servidor. Código 1 si falla, con el motivo."})
    public static final class TestImap implements Callable<Integer> {
        @CommandLine.Mixin
        Cli.Help help;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "BUZON", defaultValue = "confirmaciones",
                description = "confirmaciones (IMAP_*) u oc (OC_INBOX_*); por omisión ${DEFAULT-VALUE}.")
        String which;

        @Override
        public Integer call() {
            Cli.Context ctx = Cli.context;
            if (!which.equals(MailLogins.CONFIRMATIONS) && !which.equals(MailLogins.OC)) {
                ctx.err().println("Error: el buzón es «confirmaciones» u «oc», no «" + which + "»");
                return Cli.USAGE;
            }
            Settings settings = Offline.settings(ctx);
            Settings.Mailbox mailbox = which.equals(MailLogins.OC) ? settings.ocMailbox() : settings.confirmationsMailbox();
            if (!mailbox.configured()) {
                ctx.err().println("El buzón de " + which + " no está configurado: " + mailbox.notConfiguredReason());
                return 1;
            }
            MailConnections connections = new MailConnections(settings, null);
            MailLogin login = connections.login(which);
            String protocol = mailbox.ssl() ? "imaps" : "imap";
            Properties p = MailKeys.javaMailProperties();
            p.setProperty("mail." + protocol + ".connectiontimeout", "15000");
            p.setProperty("mail." + protocol + ".timeout", "30000");
            connections.configure(p, login, protocol);
            ctx.out().println("Conectando a " + protocol + "://" + mailbox.host() + ":" + mailbox.port() + " como "
                    + mailbox.username() + " (" + login.login().auth() + ")…");
            long started = System.nanoTime();
            try (Store store = Session.getInstance(p).getStore(protocol)) {
                var auth = login.getPasswordAuthentication();
                store.connect(mailbox.host(), mailbox.port(), auth.getUserName(), auth.getPassword());
                ctx.out().println("Ingreso correcto en " + (System.nanoTime() - started) / 1_000_000 + " ms.");
                ctx.out().println("Carpetas:");
                for (Folder f : store.getDefaultFolder().list("*")) {
                    boolean holds = (f.getType() & Folder.HOLDS_MESSAGES) != 0;
                    ctx.out().printf("  %-40s %s%n", f.getFullName(), holds ? f.getMessageCount() + " mensajes" : "");
                }
                Folder folder = store.getFolder(mailbox.folder());
                if (!folder.exists()) {
                    ctx.err().println("La carpeta «" + mailbox.folder() + "» no existe en el servidor; revise IMAP_MAILBOX u OC_INBOX_MAILBOX.");
                    return 1;
                }
                folder.open(Folder.READ_ONLY);
                int days = settings.getInt(Setting.MAIL_LOOKBACK_DAYS);
                Message[] recent = folder.search(new ReceivedDateTerm(ComparisonTerm.GE,
                        new Date(System.currentTimeMillis() - days * 86_400_000L)));
                ctx.out().println("Carpeta «" + mailbox.folder() + "»: " + folder.getMessageCount() + " mensajes, "
                        + folder.getUnreadMessageCount() + " sin leer, " + recent.length + " de los últimos " + days
                        + " días (los que el servicio revisa).");
                folder.close(false);
                return 0;
            } catch (Exception e) {
                return failed(ctx, e, login.login().authSetting().name());
            }
        }
    }

    @Command(name = "test-smtp", description = {"Envía un correo de prueba con la configuración SMTP actual (SMTP_*, con la",
        "misma seguridad y el mismo ingreso que la escalera) y muestra la respuesta del servidor. Código 1 si falla."})
    public static final class TestSmtp implements Callable<Integer> {
        @CommandLine.Mixin
        Cli.Help help;

        @CommandLine.Option(names = {"--to", "--para"}, required = true, paramLabel = "CORREO", description = "Destinatario de la prueba.")
        String to;

        @Override
        public Integer call() throws Exception {
            Cli.Context ctx = Cli.context;
            Settings settings = Offline.settings(ctx);
            String host = settings.get(Setting.SMTP_HOST);
            if (host.isEmpty() || settings.get(Setting.SMTP_FROM_EMAIL).isEmpty()) {
                ctx.err().println("SMTP no está configurado: defina SMTP_HOST y SMTP_FROM_EMAIL.");
                return 1;
            }
            MailConnections connections = new MailConnections(settings, null);
            MailLogin login = connections.login(MailLogins.SMTP);
            Properties p = MailConnections.smtpProperties(settings);
            p.setProperty("mail.smtp.connectiontimeout", "15000");
            connections.configure(p, login, "smtp");
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(settings.get(Setting.SMTP_FROM_EMAIL), settings.get(Setting.SMTP_FROM_NAME), "UTF-8"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            m.setSubject("Prueba de Seguimiento OC", "UTF-8");
            m.setText("Este es un correo de prueba enviado con «seguimiento-oc test-smtp». Si lo recibe, el envío funciona.", "UTF-8");
            m.saveChanges();
            ctx.out().println("Conectando a smtp://" + host + ":" + settings.get(Setting.SMTP_PORT) + " ("
                    + login.login().auth() + ", " + (p.containsKey("mail.smtp.ssl.enable") ? "SSL"
                    : p.containsKey("mail.smtp.starttls.enable") ? "STARTTLS" : "sin cifrar") + ")…");
            try (Transport t = session.getTransport("smtp")) {
                var auth = login.getPasswordAuthentication();
                t.connect(host, settings.getInt(Setting.SMTP_PORT), auth.getUserName(), auth.getPassword());
                t.sendMessage(m, m.getAllRecipients());
                ctx.out().println("Enviado a " + to + ". Respuesta del servidor: "
                        + (t instanceof org.eclipse.angus.mail.smtp.SMTPTransport s ? s.getLastServerResponse().strip() : "aceptado"));
                return 0;
            } catch (Exception e) {
                return failed(ctx, e, "SMTP_AUTH");
            }
        }
    }
}
