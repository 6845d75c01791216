package cl.seguimientooc.sandbox;

import cl.seguimientooc.Application;
import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.ladder.ChileHolidays;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole product on one machine with nothing installed: a mail server (GreenMail, IMAP and SMTP),
 * the embedded PostgreSQL, the test clock, demo clients and generated confirmations, all under one
 * temporary directory removed at exit. The service itself runs unchanged, from the same routes and
 * settings (given as system properties, the highest precedence).
 */
public final class Sandbox {

    /** What the command line chose. */
    public record Options(int webPort, int imapPort, int smtpPort, int reservations, int pauseSeconds, boolean script,
                          boolean verbose) {
    }

    static final String SERVICE_MAILBOX = "seguimiento@agencia.demo";
    static final String HOTELSALES = "reservas@hotelsales.demo";
    static final String ADMIN = "admin";

    private final Options options;
    private final PrintStream out;
    private final Path dir;
    private final String password;
    private GreenMail mail;
    private Thread service;

    public Sandbox(Options options, PrintStream out) throws IOException {
        this.options = options;
        this.out = out;
        this.dir = Files.createTempDirectory("seguimiento-oc-sandbox");
        this.password = "sandbox-" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36).substring(0, 6);
    }

    /** Starts everything, plays the script, then serves until the process is stopped. */
    public int run(Path workingDir) throws Exception {
        int imap = port(options.imapPort());
        int smtp = port(options.smtpPort());
        if (!free(options.webPort())) {
            out.println("El puerto " + options.webPort() + " está ocupado (¿otro servicio corriendo?). Use --puerto.");
            return 1;
        }
        // before anything logs (GreenMail does): the level, and log files inside the sandbox's directory
        System.setProperty("log.dir", dir.resolve("logs").toString());
        System.setProperty("log.level", options.verbose() ? "INFO" : "WARN");
        out.println("Preparando el sandbox en " + dir + " …");
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        mail.start();
        mail.setUser(SERVICE_MAILBOX, SERVICE_MAILBOX, "sandbox");
        LocalDate start = firstDay();
        configure(imap, smtp, start);
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "sandbox-limpieza"));
        service = new Thread(() -> {
            try {
                Application.runService(workingDir, java.util.List.of());
            } catch (Exception e) {
                out.println("El servicio se detuvo con un error: " + e.getMessage());
            }
        }, "servicio");
        service.start();
        SandboxApi api = new SandboxApi(options.webPort(), ADMIN, password);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!api.ready()) {
            if (!service.isAlive() || System.currentTimeMillis() > deadline) {
                out.println("El servicio no arrancó; vuelva a intentar con --detallado para ver por qué.");
                return 1;
            }
            Thread.sleep(200);
        }
        SandboxScript script = new SandboxScript(api, new DemoMail(smtp), out, start, options);
        script.prepare();
        if (options.script()) {
            script.play();
        }
        guide(imap, smtp);
        script.console(System.in);
        service.join();
        return 0;
    }

    /** The next business day whose following days are business days too, so the demo's dates read naturally. */
    static LocalDate firstDay() {
        BusinessCalendar calendar = BusinessCalendar.rulesOnly();
        LocalDate d = LocalDate.now(ChileHolidays.SANTIAGO).plusDays(1);
        while (!(calendar.isBusinessDay(d) && calendar.addBusinessDays(d, 2).equals(d.plusDays(2)))) {
            d = d.plusDays(1);
        }
        return d;
    }

    private void configure(int imap, int smtp, LocalDate start) {
        String[][] settings = {
            {"web.port", String.valueOf(options.webPort())}, {"web.host", "127.0.0.1"},
            {"admin.username", ADMIN}, {"admin.password", password},
            {"database.url", ""}, {"data.dir", dir.resolve("data").toString()}, {"oc.files.dir", dir.resolve("oc_files").toString()},
            {"imap.host", "127.0.0.1"}, {"imap.port", String.valueOf(imap)}, {"imap.use.ssl", "false"}, {"imap.auth", "clave"},
            {"imap.username", SERVICE_MAILBOX}, {"imap.password", "sandbox"}, {"imap.check.interval", "2"}, {"oc.inbox.host", ""},
            {"smtp.host", "127.0.0.1"}, {"smtp.port", String.valueOf(smtp)}, {"smtp.use.tls", "false"}, {"smtp.auth", "clave"},
            {"smtp.username", ""}, {"smtp.password", ""}, {"smtp.from.email", SERVICE_MAILBOX},
            {"smtp.from.name", "Agencia Demo - Seguimiento OC"}, {"allowed.confirmation.senders", "@hotelsales.demo"},
            {"oc.test.clock", "true"}, {"oc.test.clock.at", start.atTime(LocalTime.of(10, 0)).atZone(ChileHolidays.SANTIAGO)
                .toInstant().toString()},
            {"ladder.first.run.delay.ms", "600000"}, {"daily.summary.enabled", "false"}, {"ladder.request.immediately", "false"},
            {"mail.truststore", ""}, {"oauth.token.url", ""},
        };
        for (String[] kv : settings) {
            System.setProperty(kv[0], kv[1]);
        }
    }

    private void guide(int imap, int smtp) {
        String api = "http://127.0.0.1:" + options.webPort();
        out.println();
        out.println("==================== Sandbox listo ====================");
        out.println("Panel:      " + api + "/   usuario «" + ADMIN + "», contraseña «" + password + "»");
        out.println("API:        " + api + "/docs (Swagger UI)");
        out.println("Correo:     IMAP 127.0.0.1:" + imap + " y SMTP 127.0.0.1:" + smtp + ", sin cifrar. Cada dirección es un buzón");
        out.println("            cuyo usuario y contraseña son la misma dirección (p. ej. compras@andes.demo).");
        out.println("            El buzón del servicio es " + SERVICE_MAILBOX + " (contraseña «sandbox»).");
        out.println("Escriba aquí (o envíe correos con cualquier cliente de correo a " + SERVICE_MAILBOX + "):");
        SandboxScript.help(out);
        out.println("Ctrl+C detiene todo y borra " + dir);
        out.println("========================================================");
    }

    private void cleanUp() {
        try {
            if (service != null) {
                service.join(30_000); // Camel's own hook stops the service and the embedded database first
            }
            if (mail != null) {
                mail.stop();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            out.println("No se pudo borrar " + dir + ": " + e.getMessage());
        }
    }

    private static int port(int preferred) throws IOException {
        if (free(preferred)) {
            return preferred;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
