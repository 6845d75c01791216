package cl.seguimientooc.config;

import cl.seguimientooc.domain.Emails;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validated settings of the service. Values come from, highest first: JVM system properties,
 * environment variables, the {@code .env} file, {@code application.properties}. Validation names
 * every wrong key and its fix at once, so one restart fixes them all.
 */
public final class Settings {

    static final List<String> TRUE = List.of("true", "yes", "si", "sí", "1", "on");
    static final List<String> FALSE = List.of("false", "no", "0", "off");

    private final Map<Setting, String> values;

    private Settings(Map<Setting, String> values) {
        this.values = values;
    }

    /** {@code IMAP_USE_SSL} becomes {@code imap.use.ssl}. */
    public static String propertyName(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The setting whose property name is {@code property} ({@code days.for.reminder.1}), or null. */
    public static Setting byProperty(String property) {
        for (Setting s : Setting.values()) {
            if (s.property().equals(property)) {
                return s;
            }
        }
        return null;
    }

    /** Resolves and validates every setting through {@code lookup} (property name to value). */
    public static Settings load(Function<String, String> lookup) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = lookup.apply(s.property());
            values.put(s, v == null ? "" : v.strip());
        }
        Settings settings = new Settings(values);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems), problems.get(0).split("=", 2)[0]);
        }
        return settings;
    }

    /**
     * The lookup used outside Camel ({@code check-config}, startup checks): system properties,
     * then the environment, then {@code .env} values, then {@code application.properties}.
     */
    public static Function<String, String> standardLookup(Path workingDir, Map<String, String> env) {
        Properties defaults = applicationProperties(workingDir);
        Map<String, String> dotEnv = DotEnv.read(workingDir.resolve(".env"));
        return property -> {
            String envName = property.toUpperCase(Locale.ROOT).replace('.', '_');
            String v = System.getProperty(property);
            if (v == null) {
                v = env.get(envName);
            }
            if (v == null && !dotEnv.getOrDefault(envName, "").isEmpty()) {
                v = dotEnv.get(envName);
            }
            return v != null ? v : defaults.getProperty(property);
        };
    }

    /** The working directory's {@code application.properties}, else the copy inside the jar. */
    public static Properties applicationProperties(Path workingDir) {
        Properties p = new Properties();
        Path file = workingDir.resolve("application.properties");
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
                : Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("no se puede leer application.properties: " + e.getMessage(), "application.properties");
        }
        return p;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String v = values.get(s);
            String problem = SettingChecks.check(s, v);
            if (problem != null) {
                problems.add(s.envName() + "=" + s.display(v) + ": " + problem);
            }
        }
        Integer r1 = intOrNull(Setting.DAYS_FOR_REMINDER_1);
        Integer r2 = intOrNull(Setting.DAYS_FOR_REMINDER_2);
        if (r1 != null && r2 != null && r2 <= r1) {
            problems.add("DAYS_FOR_REMINDER_2=" + r2 + ": debe ser mayor que DAYS_FOR_REMINDER_1=" + r1
                    + " (el ultimátum va después del recordatorio). Ejemplo: DAYS_FOR_REMINDER_1=2, DAYS_FOR_REMINDER_2=4");
        }
        problems.addAll(SettingChecks.across(this));
        if (get(Setting.ADMIN_PASSWORD).isEmpty() && !loopback(get(Setting.WEB_HOST))) {
            problems.add("ADMIN_PASSWORD=: vacía, y el servidor escucharía en " + get(Setting.WEB_HOST)
                    + " sin contraseña. Defina ADMIN_PASSWORD, o use WEB_HOST=127.0.0.1 para un servicio solo local");
        }
        for (Setting[] own : new Setting[][] {{Setting.IMAP_POST_ACTION, Setting.IMAP_MOVE_FOLDER},
                {Setting.OC_INBOX_POST_ACTION, Setting.OC_INBOX_MOVE_FOLDER}}) {
            if (postAction(own[0]).equals("mover") && moveFolder(own[1]).isEmpty()) {
                problems.add(own[1].name() + "=: falta la carpeta de destino del buzón de "
                        + (own[0] == Setting.IMAP_POST_ACTION ? "confirmaciones" : "OC") + ", cuya acción es mover."
                        + " Ejemplo: " + own[1].name() + "=Procesados (o MAIL_MOVE_FOLDER para todos)");
            }
        }
        return problems;
    }

    /** The server listens only on this machine. */
    public static boolean loopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || h.startsWith("127.");
    }

    static Integer parseInt(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Integer intOrNull(Setting s) {
        return parseInt(values.get(s));
    }

    static List<String> list(String v) {
        return v == null || v.isBlank() ? List.of()
                : Arrays.stream(v.split("[,;]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    public String get(Setting s) {
        return values.get(s);
    }

    public long getLong(Setting s) {
        return Long.parseLong(values.get(s));
    }

    public double getDouble(Setting s) {
        return Double.parseDouble(values.get(s));
    }

    public java.time.LocalTime getTime(Setting s) {
        return java.time.LocalTime.parse(values.get(s));
    }

    public int getInt(Setting s) {
        return Integer.parseInt(values.get(s));
    }

    public boolean getBoolean(Setting s) {
        return TRUE.contains(values.get(s).toLowerCase(Locale.ROOT));
    }

    public List<String> getList(Setting s) {
        return list(values.get(s));
    }

    /** The confirmations mailbox. */
    public Mailbox confirmationsMailbox() {
        return new Mailbox("confirmaciones", get(Setting.IMAP_HOST), getInt(Setting.IMAP_PORT), get(Setting.IMAP_USERNAME),
                get(Setting.IMAP_PASSWORD), get(Setting.IMAP_MAILBOX), getBoolean(Setting.IMAP_USE_SSL),
                getInt(Setting.IMAP_CHECK_INTERVAL), postAction(Setting.IMAP_POST_ACTION), moveFolder(Setting.IMAP_MOVE_FOLDER));
    }

    /** The OC mailbox; without its own host it is the confirmations mailbox. */
    public Mailbox ocMailbox() {
        if (get(Setting.OC_INBOX_HOST).isEmpty()) {
            Mailbox c = confirmationsMailbox();
            return new Mailbox("oc", c.host(), c.port(), c.username(), c.password(),
                    get(Setting.OC_INBOX_MAILBOX).isEmpty() ? c.folder() : get(Setting.OC_INBOX_MAILBOX), c.ssl(),
                    getInt(Setting.OC_CHECK_INTERVAL), postAction(Setting.OC_INBOX_POST_ACTION), moveFolder(Setting.OC_INBOX_MOVE_FOLDER));
        }
        return new Mailbox("oc", get(Setting.OC_INBOX_HOST), getInt(Setting.OC_INBOX_PORT), get(Setting.OC_INBOX_USERNAME),
                get(Setting.OC_INBOX_PASSWORD), get(Setting.OC_INBOX_MAILBOX), getBoolean(Setting.OC_INBOX_USE_SSL),
                getInt(Setting.OC_CHECK_INTERVAL), postAction(Setting.OC_INBOX_POST_ACTION), moveFolder(Setting.OC_INBOX_MOVE_FOLDER));
    }

    /** A mailbox's own post-action, else MAIL_POST_ACTION (lower case: marcar_leido, mover, destacar, ninguna). */
    private String postAction(Setting own) {
        return (get(own).isEmpty() ? get(Setting.MAIL_POST_ACTION) : get(own)).toLowerCase(java.util.Locale.ROOT);
    }

    private String moveFolder(Setting own) {
        return get(own).isEmpty() ? get(Setting.MAIL_MOVE_FOLDER) : get(own);
    }

    public boolean embeddedDatabase() {
        return get(Setting.DATABASE_URL).isEmpty();
    }

    public DatabaseUrl databaseUrl() {
        return DatabaseUrl.parse(get(Setting.DATABASE_URL));
    }

    /** One line per setting, secrets masked: what the service runs with. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Setting s : Setting.values()) {
            lines.add(String.format("  %-30s %s", s.envName(), s.display(values.get(s))));
        }
        return lines;
    }

    /** An IMAP account and folder; "not configured" when host or user is missing. */
    /** A mailbox to read; {@code postAction} and {@code moveFolder}: what is done on the server once a message is stored. */
    public record Mailbox(String name, String host, int port, String username, String password, String folder,
                          boolean ssl, int intervalSeconds, String postAction, String moveFolder) {

        public boolean configured() {
            return !host.isEmpty() && !username.isEmpty();
        }

        /** Why it is not configured, or null. */
        public String notConfiguredReason() {
            if (host.isEmpty() && username.isEmpty()) {
                return "sin configurar";
            }
            return host.isEmpty() ? "falta el servidor" : username.isEmpty() ? "falta el usuario" : null;
        }

        /** Same account and folder: one reader must serve both. */
        public boolean sameAs(Mailbox other) {
            return host.equalsIgnoreCase(other.host) && port == other.port && username.equalsIgnoreCase(other.username)
                    && folder.equalsIgnoreCase(other.folder);
        }
    }
}
