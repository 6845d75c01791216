package cl.seguimientooc.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The counts by status PostgreSQL keeps for the API and the dashboard (status_count, kept by triggers:
 * V12). Each connection adds to rows of its own, so nothing waits on a counter; this folds the rows
 * of connections that have closed, so the table stays a few rows per live connection.
 */
public final class StatusCounts {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCounts.class);
    private static final SqlStatements SQL = SqlStatements.load("counts.sql");
    private final Db db;

    public StatusCounts(Db db) {
        this.db = db;
    }

    /** Folds closed connections' rows into shard 0; returns how many rows remain. */
    public long compact() {
        int folded = db.jdbc().update(SQL.get("compact"), new MapSqlParameterSource());
        Long rows = db.jdbc().queryForObject(SQL.get("rows"), new MapSqlParameterSource(), Long.class);
        LOG.debug("Contadores por estado: {} filas plegadas, {} quedan", folded, rows);
        return rows == null ? 0 : rows;
    }
}
