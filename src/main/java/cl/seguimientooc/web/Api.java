package cl.seguimientooc.web;

import static cl.seguimientooc.web.Responses.json;

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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The REST API's reads and admin actions (routes/rest-api.camel.yaml). Reads are one SQL statement
 * each that returns the JSON; this class validates parameters and sets status codes.
 */
public final class Api {

    private static final SqlStatements SQL = SqlStatements.load("api.sql");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final Set<String> OUTCOMES = Set.of("en_proceso", "procesado", "ignorado", "duplicado", "error");
    private static final Set<String> KINDS = Set.of("desconocido", "confirmacion", "oc", "respuesta", "otro");

    private final NamedParameterJdbcTemplate jdbc;
    private final ClientStore clients;
    private final ClientImport clientImport;
    private final MailIntake intake;
    private final Roles reprocessRoles;

    public Api(Db db, ClientStore clients, MailIntake intake, Roles reprocessRoles) {
        this.jdbc = db.jdbc();
        this.clients = clients;
        this.clientImport = new ClientImport(clients);
        this.intake = intake;
        this.reprocessRoles = reprocessRoles;
    }

    public String reservations(Exchange exchange) {
        String status = param(exchange, "estado");
        if (status != null) {
            try {
                ReservationStatus.fromCode(status);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "estado desconocido «" + status + "»; use uno de: no_requiere_oc, pendiente, "
                        + "sin_contacto, revision, recibida, suspendida, cancelada");
            }
        }
        String agency = param(exchange, "agencia");
        MapSqlParameterSource p = new MapSqlParameterSource("estado", status)
                .addValue("agencia", agency == null ? null : ClientNames.normalize(agency))
                .addValue("desde", date(exchange, "desde")).addValue("hasta", date(exchange, "hasta"));
        paging(exchange, p);
        return json(exchange, jdbc.queryForObject(SQL.get("reservations"), p, String.class));
    }

    public String reservation(Exchange exchange) {
        String code = param(exchange, "id");
        List<String> found = jdbc.queryForList(SQL.get("reservation"), Map.of("code", code == null ? "" : code), String.class);
        if (found.isEmpty()) {
            throw new ApiError(404, "no existe la reserva «" + code + "»");
        }
        return json(exchange, found.get(0));
    }

    public String stats(Exchange exchange) {
        return json(exchange, jdbc.queryForObject(SQL.get("stats"), Map.of("today", LocalDate.now(SANTIAGO)), String.class));
    }

    public String messages(Exchange exchange) {
        String outcome = param(exchange, "resultado");
        String kind = param(exchange, "tipo");
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw new ApiError(400, "resultado desconocido «" + outcome + "»; use uno de: " + String.join(", ", OUTCOMES));
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new ApiError(400, "tipo desconocido «" + kind + "»; use uno de: " + String.join(", ", KINDS));
        }
        MapSqlParameterSource p = new MapSqlParameterSource("resultado", outcome).addValue("tipo", kind);
        paging(exchange, p);
        return json(exchange, jdbc.queryForObject(SQL.get("messages"), p, String.class));
    }

    /** {@code GET /api/clientes?limit=&offset=}: clients by name, one page (100 by default), and the unknown agencies. */
    public String clients(Exchange exchange) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        paging(exchange, p, 100);
        return json(exchange, jdbc.queryForObject(SQL.get("clients"), p, String.class));
    }

    /** Creates or updates one client (matched by normalised name); re-evaluates its reservations. */
    public String saveClient(Exchange exchange) {
        JsonNode body = body(exchange);
        String name = text(body, "nombre");
        if (name == null || name.isBlank()) {
            throw new ApiError(400, "falta «nombre» del cliente");
        }
        ClientInput in = new ClientInput(name, bool(body, "requiere_oc"), emails(body, "correos"), emails(body, "correos_cc"),
                bool(body, "activo"), text(body, "notas"), strings(body, "alias"), ladder(body));
        ClientStore.Saved saved;
        try {
            saved = clients.save(in, "api");
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved.id());
        answer.put("resultado", saved.change().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("reservas_reevaluadas", saved.reservationsReevaluated());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, saved.change() == ClientStore.Change.CREADO ? 201 : 200);
        return json(exchange, Json.write(answer));
    }

    /** {"escalera": "variante", "dias_escalera": {"recordatorio": 3}, "omitir_niveles": ["ultimatum"]}; null when absent. */
    private static cl.seguimientooc.ladder.ClientLadder ladder(JsonNode body) {
        if (!body.has("escalera") && !body.has("dias_escalera") && !body.has("omitir_niveles")) {
            return null;
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        JsonNode d = body.path("dias_escalera");
        if (!d.isMissingNode() && !d.isNull() && !d.isObject()) {
            throw new ApiError(400, "«dias_escalera» debe ser un objeto nivel → días, p. ej. {\"recordatorio\": 3}");
        }
        d.fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt()) {
                throw new ApiError(400, "«dias_escalera." + e.getKey() + "» debe ser un número de días hábiles");
            }
            days.put(e.getKey(), e.getValue().asInt());
        });
        List<String> drop = strings(body, "omitir_niveles");
        return new cl.seguimientooc.ladder.ClientLadder(text(body, "escalera"), days, drop == null ? List.of() : drop);
    }

    public String importClients(Exchange exchange) {
        String csv = exchange.getMessage().getBody(String.class);
        if (csv == null || csv.isBlank()) {
            throw new ApiError(400, "envíe el CSV en el cuerpo (Content-Type: text/csv)");
        }
        return json(exchange, Json.write(clientImport.importCsv(csv, "api")));
    }

    public String exportClients(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=UTF-8");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"clientes.csv\"");
        return ClientCsv.write(clients.exportRows());
    }

    public String reprocess(Exchange exchange) throws Exception {
        long id;
        try {
            id = Long.parseLong(param(exchange, "id"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new ApiError(400, "el id del mensaje debe ser un número");
        }
        try {
            return json(exchange, Json.write(intake.reprocess(id, reprocessRoles)));
        } catch (java.util.NoSuchElementException e) {
            throw new ApiError(404, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
    }

    /** onException handler of the API routes: the status and a JSON error, never a stack trace. */
    public String error(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status = e instanceof ApiError a ? a.status() : 500;
        String message = e instanceof ApiError ? e.getMessage()
                : "error interno: " + (e == null ? "desconocido" : e.getClass().getSimpleName() + ": " + e.getMessage());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return json(exchange, Json.write(Map.of("error", message)));
    }


    private static String param(Exchange exchange, String name) {
        String v = exchange.getMessage().getHeader(name, String.class);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(Exchange exchange, String name) {
        String v = param(exchange, name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "«" + name + "» debe ser una fecha AAAA-MM-DD, no «" + v + "»");
        }
    }

    private static void paging(Exchange exchange, MapSqlParameterSource p) {
        paging(exchange, p, 50);
    }

    /** {@code limit} (1–500, default {@code fallback}) and {@code offset} (0 or more) from the query. */
    static void paging(Exchange exchange, MapSqlParameterSource p, int fallback) {
        int limit = integer(exchange, "limit", fallback);
        int offset = integer(exchange, "offset", 0);
        if (limit < 1 || limit > 500) {
            throw new ApiError(400, "«limit» debe estar entre 1 y 500");
        }
        if (offset < 0) {
            throw new ApiError(400, "«offset» no puede ser negativo");
        }
        p.addValue("limit", limit).addValue("offset", offset);
    }

    private static int integer(Exchange exchange, String name, int fallback) {
        String v = param(exchange, name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "«" + name + "» debe ser un número entero");
        }
    }

    private static JsonNode body(Exchange exchange) {
        try {
            JsonNode node = Json.read(exchange.getMessage().getBody(String.class));
            if (!node.isObject()) {
                throw new ApiError(400, "el cuerpo debe ser un objeto JSON");
            }
            return node;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
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
            throw new ApiError(400, "«" + field + "» debe ser true/false o SI/NO");
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
            for (String s : n.asText().split("[;,\\s]+")) {
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
                throw new ApiError(400, "«" + e + "» no es una dirección de correo válida");
            }
        }
        return list.stream().map(e -> e.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
