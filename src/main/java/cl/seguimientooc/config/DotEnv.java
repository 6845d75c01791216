package cl.seguimientooc.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file (the earlier system's format: {@code KEY=value}, {@code #} comments,
 * optional quotes and {@code export}). Its values rank below real environment variables and above
 * {@code application.properties}.
 */
public final class DotEnv {

    private DotEnv() {
    }

    public static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return values;
        }
        try {
            int n = 0;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).strip();
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(file + " línea " + n + ": se esperaba CLAVE=valor", "DOTENV");
                }
                values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        } catch (IOException e) {
            throw new ConfigException("no se puede leer " + file + ": " + e.getMessage(), "DOTENV");
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }

    /**
     * Makes {@code .env} values visible to Camel as JVM system properties under their property name
     * ({@code IMAP_HOST} becomes {@code imap.host}), unless the environment or the command line
     * already sets that setting: the environment wins over {@code .env}.
     */
    public static void apply(Map<String, String> values, Map<String, String> environment) {
        values.forEach((envName, value) -> {
            String property = Settings.propertyName(envName);
            // An empty line in .env (as copied from .env.example) means "keep the default".
            if (!value.isEmpty() && environment.get(envName) == null && System.getProperty(property) == null) {
                System.setProperty(property, value);
            }
        });
    }
}
