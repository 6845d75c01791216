package cl.seguimientooc.ladder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ladder as data: {@code ladder.yaml} (or the copy in the jar) read once at startup. It holds
 * the default levels and named variants (levels added, dropped or with other days) that clients
 * choose; {@link #ladderFor} gives a client's ladder with its own changes applied.
 */
public final class LadderConfig {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final Set<String> LEVEL_KEYS = Set.of("name", "days", "from", "template", "to", "action", "warned_by",
            "before", "after");

    private final Ladder defaults;
    private final Map<String, Ladder> variants;
    private final String source;
    private final Map<ClientLadder, Ladder> resolved = new ConcurrentHashMap<>();

    private LadderConfig(Ladder defaults, Map<String, Ladder> variants, String source) {
        this.defaults = defaults;
        this.variants = variants;
        this.source = source;
    }

    /**
     * Reads {@code file}, or the bundled ladder when it does not exist. {@code {{key}}} in the
     * file is replaced by that setting ({@code {{days.for.reminder.1}}}).
     */
    public static LadderConfig load(Path file, Function<String, String> settings) {
        try {
            if (file != null && Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8), settings, file.toAbsolutePath().toString());
            }
            try (InputStream in = LadderConfig.class.getResourceAsStream("/ladder.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("falta ladder.yaml en el jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), settings, "la escalera incluida en el servicio");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("no se puede leer " + file + ": " + e.getMessage(), e);
        }
    }

    public static LadderConfig parse(String text, Function<String, String> settings, String source) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = settings.apply(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(source + ": «{{" + m.group(1) + "}}» no es una clave de configuración");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        JsonNode root;
        try {
            root = YAML.readTree(b.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": YAML no válido: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": se espera «levels:» con la lista de niveles");
        }
        try {
            unknownKeys(root, Set.of("levels", "variants"), "la raíz");
            List<Level> levels = new ArrayList<>();
            for (JsonNode n : list(root.path("levels"), "levels")) {
                levels.add(level(n));
            }
            Ladder defaults = new Ladder("default", levels);
            Map<String, Ladder> variants = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("variants").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                variants.put(e.getKey(), variant(defaults, e.getKey(), e.getValue()));
            }
            return new LadderConfig(defaults, variants, source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Ladder variant(Ladder base, String name, JsonNode n) {
        if (!Ladder.NAME.matcher(name).matches() || name.equals("default")) {
            throw new IllegalArgumentException("nombre de variante «" + name + "» no válido (minúsculas, dígitos y _)");
        }
        unknownKeys(n, Set.of("add", "drop", "days"), "la variante «" + name + "»");
        List<Level> levels = new ArrayList<>(base.levels());
        for (JsonNode add : list(n.path("add"), "add")) {
            Level level = level(add);
            String before = text(add, "before");
            String after = text(add, "after");
            int at = levels.size();
            if (before != null || after != null) {
                String ref = before != null ? before : after;
                int i = indexOf(levels, ref);
                if (i < 0) {
                    throw new IllegalArgumentException("variante «" + name + "»: no existe el nivel «" + ref + "»");
                }
                at = before != null ? i : i + 1;
            } else if (!levels.isEmpty() && levels.get(levels.size() - 1).suspends()) {
                at = levels.size() - 1; // before the suspension, which stays last
            }
            levels.add(at, level);
        }
        List<String> drop = new ArrayList<>();
        for (JsonNode d : list(n.path("drop"), "drop")) {
            drop.add(d.asText());
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        n.path("days").fields().forEachRemaining(e -> days.put(e.getKey(), e.getValue().asInt(-1)));
        try {
            return new Ladder(name, levels).apply(drop, days, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("variante «" + name + "»: " + e.getMessage(), e);
        }
    }

    private static Level level(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("cada nivel es un mapa con name, template, to…");
        }
        String name = text(n, "name");
        unknownKeys(n, LEVEL_KEYS, "el nivel «" + name + "»");
        JsonNode days = n.path("days");
        if (!days.isMissingNode() && !days.canConvertToInt() && !days.asText().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("nivel «" + name + "»: «days» debe ser un número de días hábiles");
        }
        String action = lower(text(n, "action"), "notify");
        String to = lower(text(n, "to"), action.equals("suspend") ? "admin" : "client");
        return new Level(name, days.isMissingNode() ? 0 : days.asInt(), lower(text(n, "from"), Level.FROM_PREVIOUS),
                text(n, "template"), choice(Level.Recipients.class, to, "to", name),
                choice(Level.Action.class, action, "action", name), text(n, "warned_by"));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String key, String level) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("nivel «" + level + "»: «" + key + ": " + value + "» debe ser "
                    + String.join(", ", allowed));
        }
    }

    private static void unknownKeys(JsonNode n, Set<String> known, String where) {
        n.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("clave «" + k + "» desconocida en " + where + " (se aceptan: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static List<JsonNode> list(JsonNode n, String key) {
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("«" + key + "» debe ser una lista");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String lower(String value, String fallback) {
        return value == null ? fallback : value.toLowerCase(Locale.ROOT);
    }

    private static int indexOf(List<Level> levels, String name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A client's ladder: its variant (or the default) with its own days and dropped levels. */
    public Ladder ladderFor(ClientLadder client) {
        if (client == null || client.isDefault()) {
            return defaults;
        }
        return resolved.computeIfAbsent(client, c -> {
            Ladder base = defaults;
            if (c.variant() != null) {
                base = variants.get(c.variant());
                if (base == null) {
                    throw new IllegalArgumentException("la escalera «" + c.variant() + "» no existe en " + source
                            + " (variantes: " + (variants.isEmpty() ? "ninguna" : String.join(", ", variants.keySet())) + ")");
                }
            }
            return c.drop().isEmpty() && c.days().isEmpty() ? base : base.apply(c.drop(), c.days(), base.name() + "+cliente");
        });
    }

    public Ladder defaults() {
        return defaults;
    }

    public Set<String> variantNames() {
        return variants.keySet();
    }

    /** Every template a level of any ladder uses. */
    public Set<String> templates() {
        Set<String> out = new LinkedHashSet<>();
        for (Ladder l : allLadders()) {
            l.levels().stream().map(Level::template).filter(t -> t != null).forEach(out::add);
        }
        return out;
    }

    /** Every level name of any ladder (for resends and the API). */
    public Set<String> levelNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Ladder l : allLadders()) {
            l.levels().forEach(x -> out.add(x.name()));
        }
        return out;
    }

    private List<Ladder> allLadders() {
        List<Ladder> all = new ArrayList<>();
        all.add(defaults);
        all.addAll(variants.values());
        return all;
    }

    public String source() {
        return source;
    }
}
