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
 * Stored files: an OC's ({@code GET /api/oc/archivos/{id}}, from OC_FILES_DIR) and a confirmation's PDF. A PDF opens in the
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

    /** {@code GET /api/reservas/{id}/pdf}: the confirmation PDF the reservation was read from. */
    public byte[] confirmationPdf(@Header("id") String code, Exchange exchange) {
        List<byte[]> found = jdbc.query(SQL.get("confirmation_pdf"), Map.of("code", code == null ? "" : code),
                (rs, i) -> rs.getBytes("content"));
        if (found.isEmpty()) {
            throw new NoSuchElementException("la reserva «" + code + "» no tiene PDF guardado");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
        exchange.getMessage().setHeader("Content-Disposition", "inline; filename=\"confirmacion-"
                + code.replaceAll("[^\\p{Alnum}-]", "_") + ".pdf\"");
        return found.get(0);
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
