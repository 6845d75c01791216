package cl.seguimientooc.web;

import cl.seguimientooc.store.SqlStatements;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code GET /api/oc/archivos/{id}}: a stored OC file, read from OC_FILES_DIR. A PDF opens in the
 * browser (under the API's CSP, which allows nothing else to load); anything else downloads.
 */
public final class OcDownloads {

    private static final SqlStatements SQL = SqlStatements.load("oc.sql");
    private final NamedParameterJdbcTemplate jdbc;
    private final Path base;

    private record StoredFile(String name, String path, String contentType) {
    }

    public OcDownloads(NamedParameterJdbcTemplate jdbc, Path base) {
        this.jdbc = jdbc;
        this.base = base.toAbsolutePath().normalize();
    }

    public InputStream file(@Header("id") long id, Exchange exchange) throws IOException {
        List<StoredFile> found = jdbc.query(SQL.get("file"), Map.of("id", id), (rs, i) -> new StoredFile(rs.getString("file_name"),
                rs.getString("stored_path"), rs.getString("content_type")));
        if (found.isEmpty()) {
            throw new NoSuchElementException("no existe el archivo de OC " + id);
        }
        StoredFile f = found.get(0);
        Path path = base.resolve(f.path()).normalize();
        if (!path.startsWith(base) || !Files.isRegularFile(path)) {
            throw new NoSuchElementException("el archivo de OC " + id + " («" + f.name() + "») ya no está en " + base);
        }
        boolean pdf = f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        String safeName = f.name().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, pdf ? "application/pdf" : "application/octet-stream");
        exchange.getMessage().setHeader("Content-Disposition", (pdf ? "inline" : "attachment") + "; filename=\"" + safeName + "\"");
        return Files.newInputStream(path);
    }
}
