package cl.seguimientooc.matching;

import cl.seguimientooc.mail.MailContent;
import cl.seguimientooc.store.SqlStatements;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * An OC's files: written under oc_files/ ({@link OcFiles}, removed again if the transaction rolls
 * back) and recorded in purchase_order_file, in the caller's transaction.
 */
public final class OcFileStore {

    private static final SqlStatements SQL = SqlStatements.load("oc.sql");
    private final NamedParameterJdbcTemplate jdbc;
    private final OcFiles files;

    OcFileStore(NamedParameterJdbcTemplate jdbc, OcFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Why this file is not kept (too big, one too many), in Spanish; null when it is. */
    public String refusal(int index, MailContent.Attachment a) {
        return files.refusal(index, a);
    }

    /** Saves and records one file; returns its path under oc_files/. */
    public String store(long poId, int index, MailContent.Attachment a) {
        OcFiles.Written w = files.write(poId, index, a);
        jdbc.update(SQL.get("insert_file"), new MapSqlParameterSource("poId", poId).addValue("fileName", w.name())
                .addValue("originalName", a.name()).addValue("storedPath", w.relativePath())
                .addValue("sha256", MailContent.sha256(a.content())).addValue("size", (long) a.content().length)
                .addValue("contentType", a.contentType()));
        return w.relativePath();
    }

    /** A file a person attaches (marking an OC received on the dashboard): refused under the same limits as a mailed one. */
    public void attach(long poId, MailContent.Attachment a) {
        String refusal = refusal(0, a);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        store(poId, 0, a);
    }
}
