package cl.seguimientooc.clients;

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
        for (String c : List.of("nombre_agencia", "agencia", "nombre", "cliente")) {
            COLUMNS.put(c, "nombre");
        }
        for (String c : List.of("requiere_oc", "requiere oc", "oc")) {
            COLUMNS.put(c, "requiere");
        }
        for (String c : List.of("correos", "correo", "email", "emails", "correo_contacto", "contacto", "email_to", "para")) {
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
    }

    /** A line that could not be read, with its number and the reason. */
    public record LineError(int line, String message) {
    }

    public record Parsed(List<ClientInput> clients, List<Integer> lines, List<LineError> errors) {
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
        if (rawLines.length == 0 || rawLines[0].isBlank()) {
            errors.add(new LineError(1, "el archivo está vacío; la primera línea debe ser nombre_agencia,requiere_oc"));
            return new Parsed(clients, lineNumbers, errors);
        }
        char sep = rawLines[0].contains(";") && !rawLines[0].contains(",") ? ';' : ',';
        List<String> header = split(rawLines[0], sep).stream()
                .map(h -> COLUMNS.getOrDefault(h.strip().toLowerCase(Locale.ROOT), "?" + h.strip())).toList();
        if (!header.contains("nombre") || !header.contains("requiere")) {
            errors.add(new LineError(1, "faltan columnas: se requieren nombre_agencia y requiere_oc (encabezado: "
                    + rawLines[0] + ")"));
            return new Parsed(clients, lineNumbers, errors);
        }
        for (int i = 1; i < rawLines.length; i++) {
            if (rawLines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> cells = split(rawLines[i], sep);
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                v.put(header.get(c), cells.get(c).strip());
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
            clients.add(new ClientInput(name, requires, to, cc, active, notes.isEmpty() ? null : notes,
                    aliases.isEmpty() ? null : aliases));
            lineNumbers.add(line);
        }
        return new Parsed(clients, lineNumbers, errors);
    }

    public static String write(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder("nombre_agencia,requiere_oc,correos,correos_cc,activo,alias,notas\n");
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
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
