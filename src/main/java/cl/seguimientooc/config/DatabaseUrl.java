package cl.seguimientooc.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL address from {@code DATABASE_URL}: the earlier system's
 * {@code postgresql://user:pass@host:5432/db} form or a {@code jdbc:postgresql://...} URL.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String value) {
        String v = value.strip();
        if (v.startsWith("jdbc:postgresql:")) {
            if (!v.startsWith("jdbc:postgresql://") || hostOf(v.substring(5)) == null) {
                throw invalid(value, "falta el servidor (jdbc:postgresql://servidor:5432/base)");
            }
            return new DatabaseUrl(v, null, null);
        }
        if (!v.startsWith("postgresql://") && !v.startsWith("postgres://")) {
            throw invalid(value, "debe comenzar con postgresql:// o jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw invalid(value, "no es una URL válida (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(value, "falta el servidor");
        }
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (db.isEmpty() || db.contains("/")) {
            throw invalid(value, "falta el nombre de la base de datos (…/nombre_base)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + "/" + db + query, user, password);
    }

    private static String hostOf(String uriText) {
        try {
            return new URI(uriText).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static ConfigException invalid(String value, String why) {
        return new ConfigException("DATABASE_URL=" + mask(value) + " no es válida: " + why
                + ". Ejemplo: postgresql://usuario:clave@servidor:5432/oc_seguimiento", "DATABASE_URL");
    }

    /** The URL with any password replaced, for logs and messages. */
    public static String mask(String url) {
        return url == null ? null : url.replaceAll("(://[^:/@]+:)[^@/]*@", "$1****@")
                .replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
