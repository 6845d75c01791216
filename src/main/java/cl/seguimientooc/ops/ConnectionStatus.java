package cl.seguimientooc.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last successful use and the last error of each mail connection (the confirmations and OC
 * mailboxes, SMTP), as this replica saw them: fed by the mailbox poll strategy and the ladder's
 * sends, read by health checks, metrics and the Stats MBean.
 */
public final class ConnectionStatus {

    public static final String SMTP = "smtp";

    /**
     * One connection; {@code failuresInARow} resets at the next success. {@code lastErrorText} is a
     * Spanish reason safe to show on the public health endpoint; {@code lastErrorDetail} is the
     * server's own words (user names, hosts), for the log and JMX only.
     */
    public record State(String connection, Instant lastSuccess, Instant lastError, String lastErrorText, String lastErrorDetail,
                        long failuresInARow) {

        /** ok, degradado (its last attempt failed) or sin_datos (not tried yet). */
        public String status() {
            if (lastError != null && (lastSuccess == null || lastError.isAfter(lastSuccess))) {
                return "degradado";
            }
            return lastSuccess == null ? "sin_datos" : "ok";
        }
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** Registers a connection before its first use, so it is reported as sin_datos rather than missing. */
    public void expect(String connection) {
        states.putIfAbsent(connection, new State(connection, null, null, null, null, 0));
    }

    public void success(String connection, Instant at) {
        states.compute(connection, (k, s) -> new State(k, at, s == null ? null : s.lastError(), s == null ? null : s.lastErrorText(),
                s == null ? null : s.lastErrorDetail(), 0));
    }

    /**
     * Records a failure of {@code connection} and returns its public reason: the Spanish explanation
     * of {@code cause} (MailAuthErrors, naming {@code authKey}), else {@code otherwise}.
     */
    public String failure(String connection, Instant at, Throwable cause, String authKey, String otherwise) {
        String why = cl.seguimientooc.mail.auth.MailAuthErrors.explain(cause, authKey);
        String reason = why != null ? why : otherwise;
        failure(connection, at, reason, String.valueOf(cause.getMessage()));
        return reason;
    }

    void failure(String connection, Instant at, String reason, String detail) {
        states.compute(connection, (k, s) -> new State(k, s == null ? null : s.lastSuccess(), at, reason, detail,
                s == null ? 1 : s.failuresInARow() + 1));
    }

    public State get(String connection) {
        return states.get(connection);
    }

    /** Every connection known, in a stable order. */
    public Map<String, State> all() {
        Map<String, State> out = new LinkedHashMap<>();
        states.keySet().stream().sorted().forEach(k -> out.put(k, states.get(k)));
        return out;
    }
}
