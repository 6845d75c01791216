package cl.seguimientooc.config;

import cl.seguimientooc.domain.Emails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How each kind of setting is checked, and the rules that tie several settings together. */
final class SettingChecks {

    private static final Pattern DOMAIN = Pattern.compile("@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    /** A directory setting left at this value may be missing: the copy bundled in the jar is used. */
    private static final Map<Setting, String> BUNDLED = Map.of(Setting.TEMPLATES_DIR, "templates", Setting.LAYOUTS_DIR, "layouts");

    private SettingChecks() {
    }

    /** The problem with one value, in Spanish with the fix, or null when it is valid. */
    static String check(Setting s, String v) {
        if (v.isEmpty()) {
            return switch (s.kind()) {
                case PORT, BOOLEAN, POSITIVE_INT, NON_NEGATIVE_INT, FRACTION, LOG_LEVEL, POST_ACTION, PATH, DIRECTORY, TIME,
                     SMTP_SSL, MAIL_AUTH -> "no puede estar vacío; defínalo en .env o en el entorno";
                default -> null;
            };
        }
        return switch (s.kind()) {
            case PORT -> {
                Integer port = Settings.parseInt(v);
                yield port == null || port < 1 || port > 65535 ? "no es un puerto válido; use un número entre 1 y 65535" : null;
            }
            case POSITIVE_INT, OPTIONAL_POSITIVE_INT -> {
                Integer n = Settings.parseInt(v);
                yield n == null || n < 1 ? "debe ser un número entero mayor que 0" : null;
            }
            case NON_NEGATIVE_INT -> {
                Integer n = Settings.parseInt(v);
                yield n == null || n < 0 ? "debe ser un número entero, 0 o mayor" : null;
            }
            case FRACTION -> fraction(v);
            case BOOLEAN -> Settings.TRUE.contains(v.toLowerCase(Locale.ROOT)) || Settings.FALSE.contains(v.toLowerCase(Locale.ROOT))
                    ? null : "debe ser true o false";
            case EMAIL -> Emails.valid(v) ? null : "no es una dirección de correo válida";
            case EMAIL_LIST, SENDER_LIST -> emails(s, v);
            case DATABASE_URL -> {
                try {
                    DatabaseUrl.parse(v);
                    yield null;
                } catch (ConfigException e) {
                    yield e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
                }
            }
            case POST_ACTION, OPTIONAL_POST_ACTION -> List.of("marcar_leido", "mover", "destacar", "ninguna").contains(v.toLowerCase(Locale.ROOT))
                    ? null : "debe ser marcar_leido, mover, destacar o ninguna";
            case LOG_LEVEL -> List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(v.toUpperCase(Locale.ROOT))
                    ? null : "debe ser TRACE, DEBUG, INFO, WARN o ERROR";
            case PATH -> v.indexOf('\0') >= 0 ? "no es una ruta válida" : null;
            case DIRECTORY -> v.equals(BUNDLED.get(s)) || Files.isDirectory(Path.of(v)) ? null
                    : "la carpeta «" + Path.of(v).toAbsolutePath() + "» no existe; corrija la ruta (o deje «" + BUNDLED.get(s)
                    + "» para usar las plantillas incluidas)";
            case TIME -> TIME.matcher(v).matches() ? null : "debe ser una hora HH:MM de 24 horas, por ejemplo 09:00";
            case SMTP_SSL -> List.of("auto", "true", "false").contains(v.toLowerCase(Locale.ROOT)) ? null
                    : "debe ser auto, true o false";
            case INSTANT -> instant(v);
            case MAIL_AUTH, OPTIONAL_MAIL_AUTH -> MailLogins.AUTH_METHODS.contains(v.toLowerCase(Locale.ROOT)) ? null
                    : "debe ser clave, microsoft365 o google";
            case HTTPS_URL -> v.toLowerCase(Locale.ROOT).startsWith("https://") && v.length() > 8 && !v.contains(" ") ? null
                    : "debe ser una dirección https:// (el emisor de tokens recibe el secreto de cliente)";
            case TRUSTSTORE -> Files.isRegularFile(Path.of(v)) ? null
                    : "el archivo «" + Path.of(v).toAbsolutePath() + "» no existe; corrija la ruta o deje vacío para usar los certificados del sistema";
            default -> null;
        };
    }

    /** Rules across settings; each names its keys and the fix. */
    static List<String> across(Settings s) {
        List<String> problems = new ArrayList<>();
        if (valid(s, Setting.LADDER_WINDOW_OPEN) && valid(s, Setting.LADDER_WINDOW_CLOSE)
                && !s.getTime(Setting.LADDER_WINDOW_CLOSE).isAfter(s.getTime(Setting.LADDER_WINDOW_OPEN))) {
            problems.add("LADDER_WINDOW_CLOSE=" + s.get(Setting.LADDER_WINDOW_CLOSE) + ": debe ser posterior a LADDER_WINDOW_OPEN="
                    + s.get(Setting.LADDER_WINDOW_OPEN) + ". Ejemplo: 09:00 y 18:00");
        }
        if (valid(s, Setting.LADDER_RETRY_BASE_SECONDS) && valid(s, Setting.LADDER_RETRY_MAX_SECONDS)
                && s.getInt(Setting.LADDER_RETRY_MAX_SECONDS) < s.getInt(Setting.LADDER_RETRY_BASE_SECONDS)) {
            problems.add("LADDER_RETRY_MAX_SECONDS=" + s.get(Setting.LADDER_RETRY_MAX_SECONDS)
                    + ": debe ser mayor o igual que LADDER_RETRY_BASE_SECONDS=" + s.get(Setting.LADDER_RETRY_BASE_SECONDS));
        }
        if (!s.get(Setting.OC_TEST_CLOCK_AT).isEmpty() && valid(s, Setting.OC_TEST_CLOCK) && !s.getBoolean(Setting.OC_TEST_CLOCK)) {
            problems.add("OC_TEST_CLOCK_AT=" + s.get(Setting.OC_TEST_CLOCK_AT)
                    + ": requiere OC_TEST_CLOCK=true (solo para pruebas); bórrelo en producción");
        }
        problems.addAll(MailLogins.problems(s));
        return problems;
    }

    private static boolean valid(Settings s, Setting key) {
        return check(key, s.get(key)) == null && !s.get(key).isEmpty();
    }

    private static String fraction(String v) {
        if (v.contains(",")) {
            return "use punto decimal, no coma: " + v.replace(',', '.');
        }
        try {
            double d = Double.parseDouble(v);
            return d > 0 && d <= 1 ? null : "debe estar entre 0 (excluido) y 1, por ejemplo 0.6";
        } catch (NumberFormatException e) {
            return "debe ser un número entre 0 y 1 con punto decimal, por ejemplo 0.6";
        }
    }

    private static String instant(String v) {
        if (v.matches("[+-]\\d{1,9}[dhms]")) {
            return null; // an offset from now: +2d, -3h
        }
        try {
            Instant.parse(v);
            return null;
        } catch (java.time.format.DateTimeParseException e) {
            return "debe ser una fecha y hora ISO-8601 en UTC (2026-07-06T14:00:00Z) o un desplazamiento (+2d, -3h)";
        }
    }

    private static String emails(Setting s, String v) {
        for (String item : Settings.list(v)) {
            boolean ok = Emails.valid(item) || s.kind() == Setting.Kind.SENDER_LIST && DOMAIN.matcher(item).matches();
            if (!ok) {
                return "«" + item + "» no es una dirección de correo" + (s.kind() == Setting.Kind.SENDER_LIST
                        ? " ni un dominio (@empresa.cl)" : "") + "; separe varias con comas";
            }
        }
        return null;
    }
}
