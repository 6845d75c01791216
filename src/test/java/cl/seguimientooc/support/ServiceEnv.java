package cl.seguimientooc.support;

import java.util.HashMap;
import java.util.Map;

/** The settings of a service started as its own JVM ({@link ServiceProcess}), built by concern. */
public final class ServiceEnv {

    private final Map<String, String> env = new HashMap<>();

    /** On this database, with a data folder of its own. */
    public static ServiceEnv on(String dbUrl, String dataDir) {
        ServiceEnv e = new ServiceEnv();
        e.env.put("DATABASE_URL", dbUrl);
        e.env.put("DATA_DIR", dataDir);
        return e;
    }

    /** Reads confirmations from this IMAP account (plain IMAP), from HotelSales only. */
    public ServiceEnv confirmations(String host, int port, String user, String password) {
        env.put("IMAP_HOST", host);
        env.put("IMAP_PORT", String.valueOf(port));
        env.put("IMAP_USE_SSL", "false");
        env.put("IMAP_USERNAME", user);
        env.put("IMAP_PASSWORD", password);
        env.put("ALLOWED_CONFIRMATION_SENDERS", "@hotelsales.cl");
        return this;
    }

    /** Sends through this SMTP server (no TLS) as seguimiento@agencia.cl. */
    public ServiceEnv smtp(String host, int port) {
        env.put("SMTP_HOST", host);
        env.put("SMTP_PORT", String.valueOf(port));
        env.put("SMTP_USE_TLS", "false");
        env.put("SMTP_FROM_EMAIL", "seguimiento@agencia.cl");
        return this;
    }

    /** The test clock at Monday 2026-07-06, 10:00 in Santiago (inside the send window). */
    public ServiceEnv mondayMorning() {
        env.put("OC_TEST_CLOCK", "true");
        env.put("OC_TEST_CLOCK_AT", "2026-07-06T14:00:00Z");
        return this;
    }

    /** The cluster's timers asked every second from the start (the ladder's tick is the cluster's). */
    public ServiceEnv timersAtOnce() {
        env.put("LADDER_FIRST_RUN_DELAY_MS", "0");
        env.put("TIMER_CHECK_SECONDS", "1");
        return this;
    }

    public ServiceEnv with(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Map<String, String> build() {
        return new HashMap<>(env);
    }
}
