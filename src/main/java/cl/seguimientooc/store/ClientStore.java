package cl.seguimientooc.store;

import cl.seguimientooc.domain.ClientNames;
import cl.seguimientooc.ladder.ClientLadder;
import cl.seguimientooc.ladder.LadderConfig;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Clients and their aliases. Every change re-evaluates the client's open reservations in the same
 * transaction (a contact added moves {@code sin_contacto} into the ladder; an agency added takes its
 * reservations out of {@code revision}).
 */
public final class ClientStore {

    private static final SqlStatements SQL = SqlStatements.load("clients.sql");

    /** A client as given by an import line or the API. Null fields mean "leave as it is". */
    public record ClientInput(String name, Boolean requiresOc, List<String> contactTo, List<String> contactCc,
                              Boolean active, String notes, List<String> aliases, ClientLadder ladder) {
        public ClientInput(String name, Boolean requiresOc, List<String> contactTo, List<String> contactCc, Boolean active,
                           String notes, List<String> aliases) {
            this(name, requiresOc, contactTo, contactCc, active, notes, aliases, null);
        }
    }

    /** A stored client, as saving compares it. */
    private record Client(long id, boolean requiresOc, List<String> contactTo, List<String> contactCc, boolean active,
                          String notes, ClientLadder ladder) {
    }

    /** What saving did. */
    public enum Change { CREADO, ACTUALIZADO, SIN_CAMBIOS }

    public record Saved(long id, Change change, int reservationsReevaluated) {
    }

    private final Db db;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReservationStore reservations;
    private final LadderConfig ladders;

    /** {@code ladders}: checks a client's ladder changes against ladder.yaml before they are saved. */
    public ClientStore(Db db, ReservationStore reservations, LadderConfig ladders) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.reservations = reservations;
        this.ladders = ladders;
    }

    public Saved save(ClientInput in, String actor) {
        String normalized = ClientNames.normalize(in.name());
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("el nombre del cliente está vacío");
        }
        if (in.ladder() != null) {
            try {
                ladders.ladderFor(in.ladder());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("«" + in.name().strip() + "»: escalera no válida: " + e.getMessage(), e);
            }
        }
        return db.tx().execute(status -> {
            List<Client> found = jdbc.query(SQL.get("find_by_normalized"), Map.of("normalized", normalized), (rs, n) -> new Client(
                    rs.getLong("id"), rs.getBoolean("requires_oc"), strings(rs.getArray("contact_to")),
                    strings(rs.getArray("contact_cc")), rs.getBoolean("active"), rs.getString("notes"),
                    ladderOf(rs.getString("ladder"), rs.getString("ladder_days"), rs.getArray("ladder_drop"))));
            long id;
            Change change;
            if (found.isEmpty()) {
                if (in.requiresOc() == null) {
                    throw new IllegalArgumentException("falta indicar si «" + in.name() + "» requiere OC (SI/NO)");
                }
                id = jdbc.queryForObject(SQL.get("insert"), params(in.name(), normalized, in.requiresOc(),
                        orEmpty(in.contactTo()), orEmpty(in.contactCc()), in.active() == null || in.active(), in.notes(),
                        in.ladder() == null ? ClientLadder.NONE : in.ladder()), Long.class);
                change = Change.CREADO;
            } else {
                Client row = found.get(0);
                id = row.id();
                Client after = new Client(id, in.requiresOc() != null ? in.requiresOc() : row.requiresOc(),
                        in.contactTo() != null ? in.contactTo() : row.contactTo(),
                        in.contactCc() != null ? in.contactCc() : row.contactCc(),
                        in.active() != null ? in.active() : row.active(), in.notes() != null ? in.notes() : row.notes(),
                        in.ladder() != null ? in.ladder() : row.ladder());
                change = after.equals(row) ? Change.SIN_CAMBIOS : Change.ACTUALIZADO;
                if (change == Change.ACTUALIZADO) {
                    jdbc.update(SQL.get("update"), params(null, null, after.requiresOc(), after.contactTo(), after.contactCc(),
                            after.active(), after.notes(), after.ladder()).addValue("id", id));
                }
                if (!after.ladder().equals(row.ladder())) {
                    jdbc.update(SQL.get("replan_client"), Map.of("id", id));
                }
            }
            for (String alias : in.aliases() == null ? List.<String>of() : in.aliases()) {
                String na = ClientNames.normalize(alias);
                if (!na.isEmpty() && !na.equals(normalized)
                        && jdbc.update(SQL.get("insert_alias"), Map.of("clientId", id, "alias", alias.strip(), "normalized", na)) > 0
                        && change == Change.SIN_CAMBIOS) {
                    change = Change.ACTUALIZADO;
                }
            }
            int reevaluated = change == Change.SIN_CAMBIOS ? 0 : reservations.reevaluateClient(id, actor);
            if (change != Change.SIN_CAMBIOS) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("cliente", in.name());
                details.put("cambio", change.name().toLowerCase(java.util.Locale.ROOT));
                details.put("reservas_reevaluadas", reevaluated);
                reservations.audit(actor, "cliente_guardado", null, details);
            }
            return new Saved(id, change, reevaluated);
        });
    }

    /** All clients in the CSV column order of the import. */
    public List<Map<String, Object>> exportRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query(SQL.get("export"), (ResultSet rs) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("nombre_agencia", rs.getString("name"));
            row.put("requiere_oc", rs.getBoolean("requires_oc") ? "SI" : "NO");
            row.put("correos", String.join(";", strings(rs.getArray("contact_to"))));
            row.put("correos_cc", String.join(";", strings(rs.getArray("contact_cc"))));
            row.put("activo", rs.getBoolean("active") ? "SI" : "NO");
            row.put("alias", rs.getString("aliases"));
            row.put("notas", rs.getString("notes") == null ? "" : rs.getString("notes"));
            ClientLadder ladder = ladderOf(rs.getString("ladder"), rs.getString("ladder_days"), rs.getArray("ladder_drop"));
            row.put("escalera", ladder.variant() == null ? "" : ladder.variant());
            row.put("dias_escalera", ladder.daysCell());
            row.put("omitir_niveles", String.join(";", ladder.drop()));
            rows.add(row);
        });
        return rows;
    }

    private static MapSqlParameterSource params(String name, String normalized, boolean requiresOc, List<String> to,
                                                List<String> cc, boolean active, String notes, ClientLadder ladder) {
        return new MapSqlParameterSource("name", name).addValue("normalized", normalized).addValue("requiresOc", requiresOc)
                .addValue("contactTo", arrayLiteral(to)).addValue("contactCc", arrayLiteral(cc))
                .addValue("active", active).addValue("notes", notes).addValue("ladder", ladder.variant())
                .addValue("ladderDays", Json.write(new java.util.TreeMap<>(ladder.days())))
                .addValue("ladderDrop", arrayLiteral(ladder.drop()));
    }

    private static ClientLadder ladderOf(String variant, String daysJson, Object drop) {
        Map<String, Integer> days = new LinkedHashMap<>();
        if (daysJson != null && !daysJson.isBlank()) {
            Json.read(daysJson).fields().forEachRemaining(e -> days.put(e.getKey(), e.getValue().asInt()));
        }
        return new ClientLadder(variant, days, strings(drop));
    }

    /** A PostgreSQL array literal; addresses never contain quotes or braces (validated before). */
    public static String arrayLiteral(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> strings(Object array) {
        return SqlArrays.strings(array);
    }
}
