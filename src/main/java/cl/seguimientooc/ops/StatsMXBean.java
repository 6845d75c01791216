package cl.seguimientooc.ops;

import java.util.Map;

/** JMX view of the domain metrics: {@code cl.seguimientooc:type=Stats}, next to Camel's own MBeans. */
public interface StatsMXBean {

    Map<String, Long> getReservationsByStatus();

    long getUnmatchedOcs();

    double getUnmatchedOldestAgeSeconds();

    Map<String, Long> getEmailsSentByLevel();

    Map<String, Long> getEmailsFailedByLevel();

    long getOcsReceived();

    double getTimeToOcMeanSeconds();

    long getLastLadderRunMillis();

    /** Per connection: status, last success and last error, in words. */
    Map<String, String> getConnections();

    /** The database figures are from a failed read (the last good ones are shown). */
    boolean isFiguresStale();
}
