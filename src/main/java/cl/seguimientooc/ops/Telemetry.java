package cl.seguimientooc.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.Exchange;

/**
 * The domain metrics, in Prometheus at /observe/metrics (names start with seguimiento_oc_) and in
 * the JMX MBean cl.seguimientooc:type=Stats. Counters and timers count what this replica did;
 * database figures are the same on every replica (take max, not sum, across replicas).
 */
public final class Telemetry {

    static final String PREFIX = "seguimiento_oc.";
    /** Business-relevant buckets of the time from the first request to the OC. */
    private static final Duration[] TIME_TO_OC = {Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1),
        Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30)};

    private final MeterRegistry registry;
    private final DomainFigures figures;
    private final ConnectionStatus connections;
    private final Clock clock;
    private final Timer timeToOc;
    private final Timer ladderRun;
    private final AtomicLong lastLadderMillis = new AtomicLong(-1);
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();

    public Telemetry(MeterRegistry registry, DomainFigures figures, ConnectionStatus connections, Clock clock) {
        this.registry = registry;
        this.figures = figures;
        this.connections = connections;
        this.clock = clock;
        this.timeToOc = Timer.builder(PREFIX + "tiempo.hasta.oc")
                .description("Tiempo desde la solicitud inicial (o el ingreso) hasta recibir la OC").serviceLevelObjectives(TIME_TO_OC)
                .register(registry);
        this.ladderRun = Timer.builder(PREFIX + "escalera.duracion").description("Duración de cada revisión de la escalera")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), Duration.ofSeconds(120))
                .register(registry);
        for (String status : figures.snapshotKeys()) {
            Gauge.builder(PREFIX + "reservas", figures, f -> f.snapshot().byStatus().getOrDefault(status, 0L))
                    .description("Reservas por estado").tag("estado", status).register(registry);
        }
        Gauge.builder(PREFIX + "oc.sin.asignar", figures, f -> f.snapshot().unmatched())
                .description("OC en la cola de OC sin asignar").register(registry);
        Gauge.builder(PREFIX + "oc.sin.asignar.antiguedad", figures, f -> f.snapshot().oldestUnmatchedAgeSeconds(clock.instant()))
                .description("Antigüedad de la OC sin asignar más antigua").baseUnit("seconds").register(registry);
    }

    /** Adds the gauges of a mail connection (confirmaciones, oc, smtp). */
    public void watch(String connection) {
        connections.expect(connection);
        Gauge.builder(PREFIX + "conexion.ultimo.exito.timestamp", connections, c -> epoch(c.get(connection).lastSuccess()))
                .description("Última lectura o envío exitoso (segundos desde 1970; 0 = nunca)").tag("conexion", connection)
                .baseUnit("seconds").register(registry);
        Gauge.builder(PREFIX + "conexion.ultimo.error.timestamp", connections, c -> epoch(c.get(connection).lastError()))
                .description("Último error (segundos desde 1970; 0 = nunca)").tag("conexion", connection).baseUnit("seconds")
                .register(registry);
        Gauge.builder(PREFIX + "conexion.errores.seguidos", connections, c -> c.get(connection).failuresInARow())
                .description("Errores seguidos desde el último éxito").tag("conexion", connection).register(registry);
    }

    private static double epoch(Instant at) {
        return at == null ? 0 : at.toEpochMilli() / 1000.0;
    }

    public ConnectionStatus connections() {
        return connections;
    }

    public DomainFigures figures() {
        return figures;
    }

    /** Starts the send counters of these levels at 0, so a level that never failed still has its series. */
    public void expectLevels(Iterable<String> levels) {
        for (String level : levels) {
            sentCounter(level);
            failedCounter(level, true);
            failedCounter(level, false);
        }
    }

    private Counter sentCounter(String level) {
        return Counter.builder(PREFIX + "correos.enviados").description("Correos aceptados por el servidor SMTP, por nivel")
                .tag("nivel", level).register(registry);
    }

    private Counter failedCounter(String level, boolean permanent) {
        return Counter.builder(PREFIX + "correos.fallidos").description("Envíos fallidos, por nivel y tipo (reintento o definitivo)")
                .tag("nivel", level).tag("tipo", permanent ? "definitivo" : "reintento").register(registry);
    }

    /** An e-mail of the ladder was accepted by the server. */
    public void sent(String level) {
        sentCounter(level).increment();
        sent.computeIfAbsent(level, k -> new LongAdder()).increment();
        connections.success(ConnectionStatus.SMTP, clock.instant());
    }

    /** An e-mail failed: {@code permanent} when the server refused it for good, else it is retried later. */
    public void failed(String level, boolean permanent, Throwable cause) {
        failedCounter(level, permanent).increment();
        failed.computeIfAbsent(level, k -> new LongAdder()).increment();
        if (!permanent) { // a refused address says nothing about the connection; a failed attempt does
            connections.failure(ConnectionStatus.SMTP, clock.instant(), cause, "SMTP_AUTH",
                    "no se pudo enviar; el detalle está en el log y en el historial de la reserva");
        }
    }

    /** An OC arrived {@code seconds} after the reservation started owing it. */
    public void ocReceived(double seconds) {
        timeToOc.record(Duration.ofMillis((long) (Math.max(0, seconds) * 1000)));
    }

    /** The end of a ladder run started when {@code exchange} was created (last step of routes/ladder.camel.yaml's ladder-run). */
    public void ladderRun(Exchange exchange) {
        long millis = Math.max(0, clock.millis() - exchange.getClock().getCreated());
        ladderRun.record(Duration.ofMillis(millis));
        lastLadderMillis.set(millis);
    }

    long lastLadderMillis() {
        return lastLadderMillis.get();
    }

    Map<String, Long> sentByLevel() {
        return totals(sent);
    }

    Map<String, Long> failedByLevel() {
        return totals(failed);
    }

    long timeToOcCount() {
        return timeToOc.count();
    }

    double timeToOcMeanSeconds() {
        return timeToOc.mean(java.util.concurrent.TimeUnit.SECONDS);
    }

    private static Map<String, Long> totals(Map<String, LongAdder> m) {
        Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
