package cl.seguimientooc.clients;

import cl.seguimientooc.ladder.ClientLadder;
import cl.seguimientooc.store.ClientStore.ClientInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client list as CSV, in the shape of the agency's clientes.csv: {@code nombre_agencia},
 * {@code requiere_oc} (SI/NO) and optional {@code correos}, {@code correos_cc} (several separated
 * by ";"), {@code activo}, {@code alias} and {@code notas}. Comma or semicolon separated, quotes
 * allowed, UTF-8 with or without BOM. Empty optional cells leave the stored value as it is.
 */
public final class ClientCsv {

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String c : List.of("nombre_agencia", "agencia", "nombre", "cliente", "empresa")) {
            COLUMNS.put(c, "nombre");
        }
        for (String c : List.of("requiere_oc", "requiere oc", "oc")) {
            COLUMNS.put(c, "requiere");
        }
        for (String c : List.of("correos", "correo", "email", "emails", "correo_contacto", "contacto", "email_to", "para",
                "email_contacto", "emails_contacto", "correos_contacto")) { // email_contacto: the earlier system's
            COLUMNS.put(c, "para");
        }
        for (String c : List.of("correos_cc", "correo_cc", "cc", "email_cc", "emails_cc")) {
            COLUMNS.put(c, "cc");
        }
        for (String c : List.of("activo", "activa")) {
            COLUMNS.put(c, "activo");
        }
        for (String c : List.of("alias", "aliases", "otros_nombres")) {
            COLUMNS.put(c, "alias");
        }
        for (String c : List.of("notas", "nota", "observaciones")) {
            COLUMNS.put(c, "notas");
        }
        COLUMNS.put("escalera", "escalera");
        COLUMNS.put("dias_escalera", "dias");
        COLUMNS.put("omitir_niveles", "omitir");
        // the earlier system's per-client days: reminder and ultimatum
        COLUMNS.put("dias_recordatorio_1", "dias1");
        COLUMNS.put("dias_recordatorio_2", "dias2");
    }

    /** Columns of the earlier system's table that this service does not import, and why. */
    private static final Map<String, String> NOT_IMPORTED = Map.of(
            "id", "es el identificador del sistema anterior; aquí el cliente se reconoce por su nombre",
            "telefono_contacto", "el servicio no guarda teléfonos de clientes; anótelo en «notas» si se necesita",
            "fecha_creacion", "la fecha la registra el servicio",
            "fecha_actualizacion", "la fecha la registra el servicio");

    /** A line that could not be read, with its number and the reason. */
    public record LineError(int line, String message) {
    }

    /** {@code warnings}: what was read but not used (unknown or unimported columns, extra cells). */
    public record Parsed(List<ClientInput> clients, List<Integer> lines, List<LineError> errors, List<LineError> warnings) {
    }

    private ClientCsv() {
    }

    public static Parsed parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rawLines = text.split("\r?\n", -1);
        List<ClientInput> clients = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<LineError> warnings = new ArrayList<>();
        if (rawLines.length == 0 || rawLines[0].isBlank()) {
            errors.add(new LineError(1, "el archivo está vacío; la primera línea debe ser nombre_agencia,requiere_oc"));
            return new Parsed(clients, lineNumbers, errors, warnings);
        }
        char sep = rawLines[0].contains(";") && !rawLines[0].contains(",") ? ';' : ',';
        List<String> names = split(rawLines[0], sep).stream().map(String::strip).toList();
        List<String> header = new ArrayList<>();
        for (String name : names) {
            String key = headerKey(name);
            String column = COLUMNS.get(key);
            if (column == null) {
                column = "?" + name;
                warnings.add(new LineError(1, (name.isEmpty() ? "columna sin nombre (posición " + (header.size() + 1) + ")"
                        : "columna «" + name + "»") + " no se importó: " + NOT_IMPORTED.getOrDefault(key,
                        "no es una columna conocida (se aceptan nombre_agencia, requiere_oc, correos o email_contacto, "
                                + "correos_cc, activo, alias, notas, escalera, dias_escalera y omitir_niveles)")));
            } else if (column.equals("dias1") || column.equals("dias2")) {
                warnings.add(new LineError(1, "columna «" + name + "» (sistema anterior) se importa como días del "
                        + (column.equals("dias1") ? "recordatorio («recordatorio» en dias_escalera); el valor 2"
                        : "ultimátum («ultimatum» en dias_escalera); el valor 4")
                        + ", el de omisión de ese sistema, no se guarda y el cliente sigue los días generales"));
                if (header.contains(column)) {
                    column = "?" + name;
                }
            } else if (header.contains(column)) {
                warnings.add(new LineError(1, "columna «" + name + "» repetida: se usa solo la primera"));
                column = "?" + name;
            }
            header.add(column);
        }
        if (!header.contains("nombre") || !header.contains("requiere")) {
            errors.add(new LineError(1, "faltan columnas: se requieren nombre_agencia y requiere_oc (encabezado: "
                    + rawLines[0] + ")"));
            return new Parsed(clients, lineNumbers, errors, warnings);
        }
        for (int i = 1; i < rawLines.length; i++) {
            if (rawLines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> cells = split(rawLines[i], sep);
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                v.put(header.get(c), unneutralise(cells.get(c).strip()));
            }
            List<String> extra = cells.size() > header.size() ? cells.subList(header.size(), cells.size()).stream()
                    .filter(x -> !x.isBlank()).toList() : List.of();
            if (!extra.isEmpty()) {
                warnings.add(new LineError(line, "la línea tiene más celdas que el encabezado; no se importó: «"
                        + String.join("», «", extra) + "»"));
            }
            String name = v.getOrDefault("nombre", "");
            if (name.isEmpty()) {
                errors.add(new LineError(line, "falta nombre_agencia"));
                continue;
            }
            Boolean requires = yesNo(v.get("requiere"));
            if (requires == null) {
                errors.add(new LineError(line, "«" + name + "»: requiere_oc debe ser SI o NO, no «" + v.get("requiere") + "»"));
                continue;
            }
            Boolean active = v.getOrDefault("activo", "").isEmpty() ? null : yesNo(v.get("activo"));
            if (!v.getOrDefault("activo", "").isEmpty() && active == null) {
                errors.add(new LineError(line, "«" + name + "»: activo debe ser SI o NO"));
                continue;
            }
            List<String> to = emails(v.get("para"));
            List<String> cc = emails(v.get("cc"));
            String bad = firstInvalid(to, cc);
            if (bad != null) {
                errors.add(new LineError(line, "«" + name + "»: «" + bad + "» no es una dirección de correo válida"));
                continue;
            }
            String notes = v.getOrDefault("notas", "");
            List<String> aliases = list(v.get("alias"), "[;|]");
            ClientLadder ladder;
            try {
                ladder = ladder(header, v);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(line, "«" + name + "»: " + e.getMessage()));
                continue;
            }
            clients.add(new ClientInput(name, requires, to, cc, active, notes.isEmpty() ? null : notes,
                    aliases.isEmpty() ? null : aliases, ladder));
            lineNumbers.add(line);
        }
        return new Parsed(clients, lineNumbers, errors, warnings);
    }

    /**
     * The client's ladder from the line, or null (left as it is) when the file has no ladder column.
     * {@code dias_recordatorio_1/2} (the earlier system's) are the reminder's and the ultimatum's days.
     */
    static ClientLadder ladder(List<String> header, Map<String, String> v) {
        if (header.stream().noneMatch(h -> List.of("escalera", "dias", "omitir", "dias1", "dias2").contains(h))) {
            return null;
        }
        Map<String, Integer> days = new java.util.LinkedHashMap<>(ClientLadder.parseDays(v.get("dias")));
        for (String[] old : new String[][] {{"dias1", "recordatorio", "dias_recordatorio_1", "2"},
                {"dias2", "ultimatum", "dias_recordatorio_2", "4"}}) {
            String cell = v.getOrDefault(old[0], "");
            if (!cell.isEmpty()) {
                if (!cell.matches("\\d{1,2}")) {
                    throw new IllegalArgumentException(old[2] + " debe ser un número de días hábiles, no «" + cell + "»");
                }
                if (!cell.equals(old[3])) { // the earlier system's default is no choice of the client's
                    days.putIfAbsent(old[1], Integer.parseInt(cell));
                }
            }
        }
        return new ClientLadder(v.getOrDefault("escalera", ""), days, ClientLadder.parseNames(v.get("omitir")));
    }

    /** "Nombre Agencia", "nombre-agencia" and "NOMBRE_AGENCIA" are the same column. */
    static String headerKey(String name) {
        String plain = java.text.Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[\\s-]+", "_");
    }

    public static String write(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder("nombre_agencia,requiere_oc,correos,correos_cc,activo,alias,notas,escalera,"
                + "dias_escalera,omitir_niveles\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.values()) {
                cells.add(quote(value == null ? "" : value.toString()));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    static Boolean yesNo(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.strip().toUpperCase(Locale.ROOT)) {
            case "SI", "SÍ", "S", "YES", "Y", "TRUE", "1" -> true;
            case "NO", "N", "FALSE", "0" -> false;
            default -> null;
        };
    }

    /** Empty cell = null (leave stored contacts as they are). */
    private static List<String> emails(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return list(cell, "[;,|\\s]+").stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> list(String cell, String separators) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String firstInvalid(List<String> to, List<String> cc) {
        for (List<String> l : Arrays.asList(to, cc)) {
            if (l != null) {
                for (String e : l) {
                    if (!cl.seguimientooc.domain.Emails.valid(e)) {
                        return e;
                    }
                }
            }
        }
        return null;
    }

    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static String quote(String s) {
        String cell = neutralise(s);
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * A cell a spreadsheet would run as a formula (= + - @, or a tab/CR before one) gets a leading
     * apostrophe, so opening the export never runs what a client name or note contains.
     */
    static String neutralise(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Import takes back what {@link #neutralise} added, so export then import changes nothing. */
    static String unneutralise(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }
}
