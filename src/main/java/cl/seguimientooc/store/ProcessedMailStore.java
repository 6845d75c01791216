package cl.seguimientooc.store;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The processed-mail ledger: a message is claimed ('en_proceso') before it is read, and completed
 * with its outcome in the same transaction as its reservations. A claim left by a crash is taken
 * over by this instance at once, by another instance once it is stale.
 */
public final class ProcessedMailStore {

    private static final SqlStatements SQL = SqlStatements.load("intake.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final Instance instance;

    public ProcessedMailStore(Db db, Instance instance) {
        this.jdbc = db.jdbc();
        this.instance = instance;
    }

    /** Another instance took the message over (this one stopped beating): nothing of this run may be recorded. */
    public static final class ClaimLostException extends IllegalStateException {
        public ClaimLostException(long id) {
            super("el mensaje " + id + " ya no es de esta instancia (otra lo retomó); no se registra este intento");
        }
    }

    /** What a claim attempt found; {@code id} is the record's id when CLAIMED; {@code date} the recorded Date header when DONE. */
    public record Claim(Status status, Long id, String date) {
        public enum Status { CLAIMED, DONE, BUSY }
    }

    /** A key the ledger already has: whether it is handled, and the Date header recorded for it (or null). */
    /** {@code mine}: in progress under this instance's own claim (a claim it could not give back). */
    public record Known(String key, boolean done, String date, boolean mine) {
    }

    /** CLAIMED when this instance now owns the message; DONE when it was handled; BUSY when another holds it. */
    public Claim claim(String mailbox, String key, String date) {
        MapSqlParameterSource p = instance.params().addValue("mailbox", mailbox).addValue("key", key)
                .addValue("messageId", key.startsWith("sha256:") ? null : key).addValue("date", date);
        List<Long> id = jdbc.queryForList(SQL.get("claim"), p, Long.class);
        if (id.isEmpty()) {
            id = jdbc.queryForList(SQL.get("take_over"), p, Long.class);
        }
        if (!id.isEmpty()) {
            return new Claim(Claim.Status.CLAIMED, id.get(0), date);
        }
        List<String[]> rows = jdbc.query(SQL.get("outcome"), p, (rs, n) -> new String[] {rs.getString("outcome"),
                rs.getString("header_date")});
        if (rows.isEmpty() || "en_proceso".equals(rows.get(0)[0])) {
            return new Claim(Claim.Status.BUSY, null, null);
        }
        return new Claim(Claim.Status.DONE, null, rows.get(0)[1]);
    }

    /** What the ledger has of these keys (those a bulk claim could not take). */
    public List<Known> known(String mailbox, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SQL.get("known"), new MapSqlParameterSource("mailbox", mailbox)
                .addValue("keys", ClientStore.arrayLiteral(keys)).addValue("instance", instance.id()),
                (rs, n) -> new Known(rs.getString("dedup_key"), !"en_proceso".equals(rs.getString("outcome")),
                        rs.getString("header_date"), rs.getBoolean("mine")));
    }

    /** Claims many new messages (key to Date header, "" when none) in one statement; returns key to record id for those claimed now. */
    public Map<String, Long> claimAll(String mailbox, Map<String, String> dates) {
        Map<String, Long> claimed = new java.util.HashMap<>();
        if (dates.isEmpty()) {
            return claimed;
        }
        List<String> keys = List.copyOf(dates.keySet());
        jdbc.query(SQL.get("claim_many"), instance.params().addValue("mailbox", mailbox)
                .addValue("keys", ClientStore.arrayLiteral(keys))
                .addValue("dates", ClientStore.arrayLiteral(keys.stream().map(dates::get).toList())),
                (java.sql.ResultSet rs) -> {
                    claimed.put(rs.getString("dedup_key"), rs.getLong("id"));
                });
        return claimed;
    }

    /** Gives a claim back so the next poll retries the message (the route failed before recording it). */
    public void release(String mailbox, String key) {
        jdbc.update(SQL.get("release"), Map.of("mailbox", mailbox, "key", key, "instance", instance.id()));
    }

    public Long findId(String mailbox, String key) {
        List<Long> ids = jdbc.queryForList(SQL.get("find_claim"), Map.of("mailbox", mailbox, "key", key), Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * The final record of a message, only while this instance holds its claim; runs inside the
     * caller's transaction, which a lost claim rolls back.
     */
    public void complete(MapSqlParameterSource values) {
        if (jdbc.update(SQL.get("complete"), values.addValue("instance", instance.id())) != 1) {
            throw new ClaimLostException(((Number) values.getValue("id")).longValue());
        }
    }

    /** Records an error with the raw message; false when the claim is no longer this instance's. */
    public boolean recordFailure(long id, String error, byte[] raw, String rawSha256, String sender, String subject) {
        return jdbc.update(SQL.get("record_failure"), new MapSqlParameterSource("id", id).addValue("error", error)
                .addValue("raw", raw).addValue("rawSha256", rawSha256).addValue("sender", sender)
                .addValue("subject", subject).addValue("instance", instance.id())) == 1;
    }

    /** Locks a record for reprocessing; null when it does not exist. */
    /** A stored message as reprocessing needs it; {@code raw} is null when the original was not kept. */
    public record Stored(long id, String mailbox, String dedupKey, String outcome, byte[] raw, Long uidValidity, Long uid) {
    }

    /** The message locked for reprocessing, or null when there is none with that id. */
    public Stored lockForReprocess(long id) {
        List<Stored> rows = jdbc.query(SQL.get("load_for_reprocess"), Map.of("id", id), (rs, n) -> new Stored(
                rs.getLong("id"), rs.getString("mailbox"), rs.getString("dedup_key"), rs.getString("outcome"),
                rs.getBytes("raw_message"), (Long) rs.getObject("uid_validity", Long.class), (Long) rs.getObject("uid", Long.class)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    public void startReprocess(long id) {
        jdbc.update(SQL.get("start_reprocess"), Map.of("id", id, "instance", "reproceso-" + instance.id()));
    }

    public List<Long> failedIds() {
        return jdbc.queryForList(SQL.get("failed_ids"), Map.of(), Long.class);
    }

    /** Stores a PDF once per content; returns its id. */
    public long saveDocument(String sha256, String fileName, byte[] content) {
        return jdbc.queryForObject(SQL.get("save_document"), new MapSqlParameterSource("sha256", sha256)
                .addValue("fileName", fileName == null ? "confirmacion.pdf" : fileName)
                .addValue("size", content.length).addValue("content", content), Long.class);
    }
}
