package cl.seguimientooc.ladder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client's changes to the ladder, as kept in the client table and written in the CSV and the API:
 * which variant of {@code ladder.yaml} it follows (null: the default), business days per level, and
 * levels it skips ({@code ultimatum} turns the ultimatum, and the suspension it announces, off).
 */
public record ClientLadder(String variant, Map<String, Integer> days, List<String> drop) {

    public static final ClientLadder NONE = new ClientLadder(null, Map.of(), List.of());

    public ClientLadder {
        variant = variant == null || variant.isBlank() ? null : variant.strip();
        days = days == null ? Map.of() : Map.copyOf(days);
        drop = drop == null ? List.of() : List.copyOf(drop);
    }

    public boolean isDefault() {
        return variant == null && days.isEmpty() && drop.isEmpty();
    }

    /** {@code "recordatorio=3; ultimatum=5"} (CSV cell) to a map; throws with a Spanish reason. */
    public static Map<String, Integer> parseDays(String cell) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        for (String part : cell.split("[;,]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.isEmpty() || !value.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("días de escalera «" + part.strip()
                        + "» no válidos: escriba nivel=días separados por punto y coma, p. ej. recordatorio=3;ultimatum=5");
            }
            out.put(name, Integer.parseInt(value));
        }
        return out;
    }

    /** {@code "ultimatum; recordatorio"} to a list of level names. */
    public static List<String> parseNames(String cell) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split("[;,]")) {
                if (!part.isBlank()) {
                    out.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** The CSV form of {@link #days}. */
    public String daysCell() {
        List<String> parts = new ArrayList<>();
        days.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        return String.join(";", parts);
    }
}
