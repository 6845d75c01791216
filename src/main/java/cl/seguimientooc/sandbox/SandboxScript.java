package cl.seguimientooc.sandbox;

import cl.seguimientooc.extraction.DemoConfirmations;
import cl.seguimientooc.ladder.BusinessCalendar;
import cl.seguimientooc.ladder.ChileHolidays;
import cl.seguimientooc.mailout.ChileanFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the sandbox shows: demo clients and confirmations, then the story in acts (requests, the
 * clock two business days on, reminders, a client's OC stopping its ladder, the ultimatum to the
 * rest), then a small console to play on. Everything goes through the mail server and the REST API.
 */
final class SandboxScript {

    /** A demo client: its name, whether it owes OCs, its purchasing contact. */
    record Client(String name, boolean requiresOc, String contact) {
    }

    static final Client[] CLIENTS = {
        new Client("Constructora Andes S.A.", true, "compras@andes.demo"),
        new Client("Minera Atacama Ltda.", true, "abastecimiento@atacama.demo"),
        new Client("Viña Los Robles SpA", true, "finanzas@losrobles.demo"),
        new Client("Consultora Pacífico", false, "viajes@pacifico.demo")};

    private final SandboxApi api;
    private final DemoMail mail;
    private final PrintStream out;
    private final LocalDate start;
    private final Sandbox.Options options;
    private final BusinessCalendar calendar = BusinessCalendar.rulesOnly();
    private final Random random = new Random(2026);
    /** Reservation ID → its client, for "oc ID". */
    private final Map<String, Client> reservations = new LinkedHashMap<>();
    private int nextId = 70_000_001;
    private int nextOc = 4_500_012;

    SandboxScript(SandboxApi api, DemoMail mail, PrintStream out, LocalDate start, Sandbox.Options options) {
        this.api = api;
        this.mail = mail;
        this.out = out;
        this.start = start;
        this.options = options;
    }

    /** The clients, then the confirmations delivered to the inbox and read by the service. */
    void prepare() throws Exception {
        for (Client c : CLIENTS) {
            api.post("/api/clientes", "{\"nombre\":\"" + c.name() + "\",\"requiere_oc\":" + c.requiresOc()
                    + ",\"correos\":[\"" + c.contact() + "\"]}");
        }
        out.println("Clientes de demostración: 3 exigen OC y «Consultora Pacífico» no.");
        out.println("Reloj de prueba: " + ChileanFormat.longDate(start) + ", 10:00 (hora de Santiago).");
        for (int i = 0; i < options.reservations(); i++) {
            confirmation(CLIENTS[i % CLIENTS.length]);
        }
        out.println("HotelSales envió " + options.reservations() + " confirmaciones (PDF «Resumen de servicios») a "
                + Sandbox.SERVICE_MAILBOX + " …");
        long deadline = System.currentTimeMillis() + 120_000;
        long total = 0;
        while (total < options.reservations() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            total = api.get("/api/reservas?limit=1").path("total").asLong();
        }
        out.println("1. Ingreso: el servicio leyó " + total + " reservas de los PDF y decidió quién debe OC.");
    }

    private String confirmation(Client c) throws Exception {
        String id = String.valueOf(nextId++);
        long amount = 80_000 + random.nextInt(1_900_000);
        LocalDate checkIn = start.plusDays(5 + random.nextInt(35));
        mail.send(Sandbox.HOTELSALES, Sandbox.SERVICE_MAILBOX, "Confirmación de reserva " + id,
                "Adjuntamos el resumen de servicios de la reserva " + id + ".", "Resumen de servicios " + id + ".pdf",
                DemoConfirmations.confirmation(id.hashCode(), c.name(), id, amount, checkIn));
        reservations.put(id, c);
        return id;
    }

    void play() throws Exception {
        pause();
        out.println("2. Solicitud: " + describe(ladder()) + " (a quienes exigen OC; Consultora Pacífico no recibe nada).");
        pause();
        LocalDate reminder = calendar.addBusinessDays(start, 2);
        clock(reminder.atTime(LocalTime.of(10, 5)).atZone(ChileHolidays.SANTIAGO).toInstant().toString());
        out.println("3. Pasan dos días hábiles (" + ChileanFormat.longDate(reminder) + "): " + describe(ladder()) + ".");
        pause();
        String id = reservations.entrySet().stream().filter(e -> e.getValue().requiresOc()).findFirst().orElseThrow().getKey();
        oc(id);
        pause();
        LocalDate ultimatum = calendar.addBusinessDays(start, 4);
        clock(ultimatum.atTime(LocalTime.of(10, 5)).atZone(ChileHolidays.SANTIAGO).toInstant().toString());
        out.println("5. " + ChileanFormat.longDate(ultimatum) + ": " + describe(ladder()) + "; la reserva " + id
                + " ya no recibe nada: su OC llegó.");
        out.println("   Si nadie responde, se suspenden al cierre del día hábil siguiente: escriba «reloj +32h» (ese día, 18:05)");
        out.println("   y luego «escalera».");
    }

    private void pause() throws InterruptedException {
        Thread.sleep(options.pauseSeconds() * 1000L);
    }

    private JsonNode ladder() throws Exception {
        return api.post("/api/process-now", "");
    }

    private static String describe(JsonNode run) {
        Map<String, Integer> byLevel = new TreeMap<>();
        run.path("enviados").forEach(s -> byLevel.merge(s.path("tipo").asText("?"), 1, Integer::sum));
        StringBuilder b = new StringBuilder(byLevel.isEmpty() ? "la escalera no tenía nada que enviar" : "la escalera envió");
        byLevel.forEach((level, n) -> b.append(" ").append(n).append(" ").append(level).append(","));
        if (b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
        int suspended = run.path("suspendidas").size();
        return suspended == 0 ? b.toString() : b + " y suspendió " + suspended;
    }

    private void clock(String value) throws Exception {
        JsonNode now = api.post("/api/test/clock?ahora=" + URLEncoder.encode(value, StandardCharsets.UTF_8), "");
        var at = java.time.Instant.parse(now.path("ahora").asText()).atZone(ChileHolidays.SANTIAGO);
        out.println("   Reloj de prueba: " + ChileanFormat.longDate(at.toLocalDate()) + ", "
                + ChileanFormat.time(at.toLocalTime().withSecond(0).withNano(0)));
    }

    /** The reservation's client answers with its OC, as a PDF that names the reservation. */
    private void oc(String id) throws Exception {
        Client c = reservations.get(id);
        if (c == null) {
            out.println("   No conozco la reserva " + id + "; use «Marcar OC recibida» en el panel.");
            return;
        }
        String number = String.valueOf(nextOc++);
        mail.send(c.contact(), Sandbox.SERVICE_MAILBOX, "OC reserva " + id, "Adjuntamos la orden de compra " + number
                + " para la reserva " + id + ".", "OC " + number + ".pdf",
                DemoConfirmations.textPdf(c.name(), "ORDEN DE COMPRA N° " + number, "Reserva " + id));
        out.println("4. " + c.name() + " responde desde " + c.contact() + " con la OC " + number + " de la reserva " + id + " …");
        long deadline = System.currentTimeMillis() + 60_000;
        String status = "";
        while (!status.equals("recibida") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            status = api.get("/api/reservas/" + id).path("estado").asText();
        }
        out.println("   La reserva " + id + " quedó «" + status + "»: su escalera se detuvo y la OC quedó guardada con su archivo.");
    }

    static void help(PrintStream out) {
        out.println("  escalera            revisa la escalera ahora y dice qué envió");
        out.println("  reloj +1d           avanza el reloj de prueba (+3h, +2d, o un instante ISO 2026-12-10T13:00:00Z)");
        out.println("  oc ID               el cliente de esa reserva envía su OC por correo");
        out.println("  confirmacion        llega una confirmación nueva");
        out.println("  ayuda | salir");
    }

    /** Reads commands until the input ends or «salir». */
    void console(InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] words = line.strip().split("\\s+", 2);
                try {
                    switch (words[0]) {
                        case "" -> { }
                        case "escalera" -> out.println(describe(ladder()));
                        case "reloj" -> clock(words.length > 1 ? words[1] : "+1d");
                        case "oc" -> oc(words.length > 1 ? words[1] : "");
                        case "confirmacion", "confirmación" -> out.println("Llegó la confirmación de la reserva "
                                + confirmation(CLIENTS[random.nextInt(CLIENTS.length)]) + " (se lee en unos segundos).");
                        case "salir" -> System.exit(0);
                        default -> help(out);
                    }
                } catch (Exception e) {
                    out.println("No se pudo: " + e.getMessage());
                }
            }
        } catch (java.io.IOException e) {
            // no console: the sandbox keeps serving until it is stopped
        }
    }
}
