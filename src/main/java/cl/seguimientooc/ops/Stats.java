package cl.seguimientooc.ops;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The Stats MBean: the same figures as the seguimiento_oc_ metrics. */
public final class Stats implements StatsMXBean {

    public static final String NAME = "cl.seguimientooc:type=Stats";
    private final Telemetry telemetry;

    public Stats(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** Registers it in the platform MBean server, replacing an earlier context's (tests start several). */
    public void register() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(this, name);
    }

    public void unregister() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    @Override
    public Map<String, Long> getReservationsByStatus() {
        return new LinkedHashMap<>(telemetry.figures().snapshot().byStatus());
    }

    @Override
    public long getUnmatchedOcs() {
        return telemetry.figures().snapshot().unmatched();
    }

    @Override
    public double getUnmatchedOldestAgeSeconds() {
        return telemetry.figures().snapshot().oldestUnmatchedAgeSeconds(Instant.now());
    }

    @Override
    public Map<String, Long> getEmailsSentByLevel() {
        return telemetry.sentByLevel();
    }

    @Override
    public Map<String, Long> getEmailsFailedByLevel() {
        return telemetry.failedByLevel();
    }

    @Override
    public long getOcsReceived() {
        return telemetry.timeToOcCount();
    }

    @Override
    public double getTimeToOcMeanSeconds() {
        return telemetry.timeToOcMeanSeconds();
    }

    @Override
    public long getLastLadderRunMillis() {
        return telemetry.lastLadderMillis();
    }

    @Override
    public Map<String, String> getConnections() {
        Map<String, String> out = new LinkedHashMap<>();
        telemetry.connections().all().forEach((k, s) -> out.put(k, s.status()
                + "; último éxito: " + (s.lastSuccess() == null ? "nunca" : s.lastSuccess())
                + (s.lastError() == null ? "" : "; último error " + s.lastError() + ": " + s.lastErrorText() + " (" + s.lastErrorDetail() + ")")));
        return out;
    }

    @Override
    public boolean isFiguresStale() {
        return telemetry.figures().snapshot().stale();
    }
}
