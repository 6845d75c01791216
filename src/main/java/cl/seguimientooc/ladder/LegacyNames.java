package cl.seguimientooc.ladder;

import java.util.Map;

/** Names from before the ladder was data: levels and templates named after their days still work. */
public final class LegacyNames {

    private static final Map<String, String> OLD_TO_NEW = Map.of(
            "recordatorio_dia2", "recordatorio",
            "ultimatum_dia4", "ultimatum");

    private LegacyNames() {
    }

    /** The current name for {@code name} (itself when it is not an old one). */
    public static String current(String name) {
        return name == null ? null : OLD_TO_NEW.getOrDefault(name.strip(), name.strip());
    }

    /** The old name of a current one, or null. */
    public static String old(String name) {
        for (Map.Entry<String, String> e : OLD_TO_NEW.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }
}
