package cl.seguimientooc.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named SQL statements kept in {@code src/main/resources/sql/*.sql}: each starts with a
 * {@code -- name: something} line and runs to the next one. Parameters use {@code :name}.
 */
public final class SqlStatements {

    private final String file;
    private final Map<String, String> statements;

    private SqlStatements(String file, Map<String, String> statements) {
        this.file = file;
        this.statements = statements;
    }

    public static SqlStatements load(String file) {
        String resource = "/sql/" + file;
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("falta el archivo SQL " + resource);
            }
            return new SqlStatements(file, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- name:")) {
                if (name != null) {
                    out.put(name, body.toString().strip());
                }
                name = trimmed.substring("-- name:".length()).strip();
                body.setLength(0);
            } else if (name != null && !trimmed.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            out.put(name, body.toString().strip());
        }
        return out;
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("sentencia SQL «" + name + "» no existe en " + file);
        }
        return sql;
    }
}
