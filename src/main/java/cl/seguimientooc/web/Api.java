package cl.seguimientooc.web;

import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.clients.ClientCsv;
import cl.seguimientooc.clients.ClientImport;
import cl.seguimientooc.domain.ClientNames;
import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.mail.MailIntake;
import cl.seguimientooc.mail.MailProcessor.Roles;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.ClientStore.ClientInput;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.SqlStatements;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The REST API's reads and admin actions (routes/rest-api.camel.yaml). Reads are one SQL statement
 * each that returns the JSON; this class validates parameters and sets status codes.
 */
public final class Api {

    private static final SqlStatements SQL = SqlStatements.load("api.sql");
    /** The list, one text per shape of filters (api.sql «reservation_filters_*»), so one plan per shape. */
    private static final String LIST = listStatement("reservation_filters");
    private static final String LIST_BY_STATUS = listStatement("reservation_filters_status");
    private static final String LIST_ALL = listStatement("reservation_filters_none");
    /** The list joined with the free search's ids: one text of its own, so one plan of its own (api.sql). */
    private static final String SEARCH = searchStatement();
    private static final Set<String> OUTCOMES = Set.of("en_proceso", "procesado", "ignorado", "duplicado", "error");
    private static final Set<String> KINDS = Set.of("desconocido", "confirmacion", "oc", "respuesta", "otro");

    private final NamedParameterJdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final ClientStore clients;
    private final ClientImport clientImport;
    private final MailIntake intake;
    private final Roles reprocessRoles;

    public Api(Db db, ClientStore clients, MailIntake intake, Roles reprocessRoles) {
        this.jdbc = db.jdbc();
        this.tx = db.tx();
        this.clients = clients;
        this.clientImport = new ClientImport(clients);
        this.intake = intake;
        this.reprocessRoles = reprocessRoles;
    }

    /** {@code GET /api/reservas}: filters and paging as declared in routes/rest-api.camel.yaml. */
    public String reservations(@Header("estado") ReservationStatus status, @Header("agencia") String agency,
                               @Header("desde") LocalDate from, @Header("hasta") LocalDate to, @Header("q") String query,
                               @Header("limit") int limit, @Header("offset") int offset) {
        String q = query == null || query.isBlank() ? null : query.strip();
        if (q != null && q.length() > 100) {
            throw new IllegalArgumentException("la búsqueda «q» no puede superar 100 caracteres");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("estado", status == null ? null : status.code())
                .addValue("agencia", agency == null || agency.isBlank() ? null : likeEscaped(ClientNames.normalize(agency)))
                .addValue("desde", from).addValue("hasta", to).addValue("q", q)
                .addValue("qPrefix", q == null ? null : likeEscaped(q.toLowerCase(java.util.Locale.ROOT)) + "%");
        page(p, limit, offset);
        if (q != null) {
            return cachedPlan(SEARCH, p); // driven by the few ids found, whatever the other filters
        }
        if (p.getValue("agencia") == null && from == null && to == null) {
            return cachedPlan(status == null ? LIST_ALL : LIST_BY_STATUS, p);
        }
        return jdbc.queryForObject(LIST, p, String.class); // planned for the values: the filters pick the index
    }

    /**
     * A statement whose generic plan is good for any value, run on that cached plan. Left to itself,
     * PostgreSQL plans a paged statement again on every call (it guesses a tenth of the table for a
     * LIMIT parameter, so the generic plan always looks dearer), and planning the list cost more than
     * running it (BENCHMARKS.md, issue 13).
     */
    private String cachedPlan(String sql, MapSqlParameterSource p) {
        return tx.execute(status -> {
            jdbc.getJdbcOperations().execute("SET LOCAL plan_cache_mode = force_generic_plan");
            return jdbc.queryForObject(sql, p, String.class);
        });
    }

    private static String listStatement(String filters) {
        String list = SQL.get("reservations");
        if (!list.contains("{filters}")) {
            throw new IllegalStateException("api.sql: «reservations» must hold «{filters}»");
        }
        return list.replace("{filters}", SQL.get(filters));
    }

    private static String searchStatement() {
        String list = LIST;
        String from = "SELECT r.* FROM reservation r";
        if (!list.contains(from)) {
            throw new IllegalStateException("api.sql: «reservations» must select from «" + from + "» for the search to join in");
        }
        return list.replace(from, from + " JOIN (" + SQL.get("search_ids") + ") found ON found.id = r.id");
    }

    /** A user's text inside a LIKE pattern: its own % and _ match only themselves. */
    static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public String reservation(@Header("id") String code) {
        List<String> found = jdbc.queryForList(SQL.get("reservation"), Map.of("code", code == null ? "" : code), String.class);
        if (found.isEmpty()) {
            throw new NoSuchElementException("no existe la reserva «" + code + "»");
        }
        return found.get(0);
    }

    public String stats() {
        return jdbc.queryForObject(SQL.get("stats"), Map.of(), String.class);
    }

    public String messages(@Header("resultado") String outcome, @Header("tipo") String kind, @Header("limit") int limit,
                           @Header("offset") int offset) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("resultado desconocido «" + outcome + "»; use uno de: " + String.join(", ", OUTCOMES));
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("tipo desconocido «" + kind + "»; use uno de: " + String.join(", ", KINDS));
        }
        MapSqlParameterSource p = new MapSqlParameterSource("resultado", outcome).addValue("tipo", kind);
        return jdbc.queryForObject(SQL.get("messages"), page(p, limit, offset), String.class);
    }

    /** {@code GET /api/clientes?limit=&offset=}: clients by name, one page (100 by default), and the unknown agencies. */
    public String clients(@Header("limit") int limit, @Header("offset") int offset) {
        return jdbc.queryForObject(SQL.get("clients"), page(new MapSqlParameterSource(), limit, offset), String.class);
    }

    /** Creates or updates one client (matched by normalised name); re-evaluates its reservations. */
    public String saveClient(@Body String json, Exchange exchange) {
        JsonNode body = object(json);
        String name = text(body, "nombre");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("falta «nombre» del cliente");
        }
        ClientInput in = new ClientInput(name, bool(body, "requiere_oc"), emails(body, "correos"), emails(body, "correos_cc"),
                bool(body, "activo"), text(body, "notas"), strings(body, "alias"), ladder(body));
        ClientStore.Saved saved = clients.save(in, Caller.actor(exchange));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved.id());
        answer.put("resultado", saved.change().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("reservas_reevaluadas", saved.reservationsReevaluated());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, saved.change() == ClientStore.Change.CREADO ? 201 : 200);
        return Json.write(answer);
    }

    /**
     * {"escalera": "variante", "dias_escalera": {"recordatorio": 3} (or "recordatorio=3; ultimatum=5"),
     * "omitir_niveles": ["ultimatum"]}; null when absent.
     */
    private static cl.seguimientooc.ladder.ClientLadder ladder(JsonNode body) {
        if (!body.has("escalera") && !body.has("dias_escalera") && !body.has("omitir_niveles")) {
            return null;
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        JsonNode d = body.path("dias_escalera");
        if (d.isTextual()) { // a form field or a CSV cell: "recordatorio=3; ultimatum=5"
            days.putAll(cl.seguimientooc.ladder.ClientLadder.parseDays(d.asText()));
            d = Json.MAPPER.createObjectNode();
        }
        if (!d.isMissingNode() && !d.isNull() && !d.isObject()) {
            throw new IllegalArgumentException("«dias_escalera» debe ser un objeto nivel → días, p. ej. {\"recordatorio\": 3}");
        }
        d.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("«dias_escalera." + e.getKey() + "» debe ser un número de días hábiles");
            }
            days.put(e.getKey(), e.getValue().asInt());
        });
        List<String> drop = strings(body, "omitir_niveles");
        return new cl.seguimientooc.ladder.ClientLadder(text(body, "escalera"), days, drop == null ? List.of() : drop);
    }

    /**
     * {@code POST /api/clientes/importar[?simular=true]}. A simulation runs the whole import in one
     * transaction and rolls it back: the report says exactly what applying would do, and nothing changes.
     */
    public String importClients(@Body String csv, @Header("simular") Boolean simulate, Exchange exchange) {
        if (csv == null || csv.isBlank()) {
            throw new IllegalArgumentException("envíe el CSV en el cuerpo (Content-Type: text/csv)");
        }
        String actor = Caller.actor(exchange);
        if (!Boolean.TRUE.equals(simulate)) {
            return Json.write(clientImport.importCsv(csv, actor));
        }
        Map<String, Object> report = tx.execute(status -> {
            status.setRollbackOnly();
            return new LinkedHashMap<>(clientImport.importCsv(csv, actor));
        });
        report.put("simulacion", true);
        return Json.write(report);
    }

    public String exportClients(Exchange exchange) {
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"clientes.csv\"");
        return ClientCsv.write(clients.exportRows());
    }

    public String reprocess(@Header("id") long id) throws Exception {
        return Json.write(intake.reprocess(id, reprocessRoles));
    }

    /** {@code limit} (1–500) and {@code offset} (0 or more); their defaults are declared in the REST DSL. */
    static MapSqlParameterSource page(MapSqlParameterSource p, int limit, int offset) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("«limit» debe estar entre 1 y 500");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("«offset» no puede ser negativo");
        }
        return p.addValue("limit", limit).addValue("offset", offset);
    }

    /** A JSON object from a request body; an empty body is an empty object. */
    static JsonNode object(String json) {
        if (json == null || json.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = Json.read(json);
        if (!node.isObject()) {
            throw new IllegalArgumentException("el cuerpo debe ser un objeto JSON");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Boolean bool(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        Boolean b = switch (n.asText().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "SI", "SÍ", "TRUE" -> true;
            case "NO", "FALSE" -> false;
            default -> null;
        };
        if (b == null) {
            throw new IllegalArgumentException("«" + field + "» debe ser true/false o SI/NO");
        }
        return b;
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText().strip()));
        } else {
            // a text (a form field): names (aliases) one per line or separated by «;»; other lists also by «,» or spaces
            for (String s : n.asText().split(field.equals("alias") ? "[;\\r\\n]+" : "[;,\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String> emails(JsonNode body, String field) {
        List<String> list = strings(body, field);
        if (list == null) {
            return null;
        }
        for (String e : list) {
            if (!cl.seguimientooc.domain.Emails.valid(e)) {
                throw new IllegalArgumentException("«" + e + "» no es una dirección de correo válida");
            }
        }
        return list.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
