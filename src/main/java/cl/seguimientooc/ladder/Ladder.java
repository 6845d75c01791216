package cl.seguimientooc.ladder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An escalation ladder: its levels in order, checked when built so a mistake in {@code ladder.yaml}
 * or in a client's changes is reported with its reason instead of surfacing as a wrong e-mail.
 */
public record Ladder(String name, List<Level> levels) {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Business days a level may wait: more is a typo, not a policy. */
    static final int MAX_DAYS = 60;

    public Ladder {
        levels = List.copyOf(levels);
        List<String> problems = problems(levels);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("escalera «" + name + "»: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(List<Level> levels) {
        List<String> out = new ArrayList<>();
        if (levels.isEmpty()) {
            out.add("no tiene niveles");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            String at = "nivel «" + l.name() + "»";
            if (l.name() == null || !NAME.matcher(l.name()).matches()) {
                out.add("nombre de nivel «" + l.name() + "» no válido (minúsculas, dígitos y _; empieza con letra)");
            } else if (!seen.add(l.name())) {
                out.add(at + " repetido");
            }
            if (i == 0) {
                if (l.suspends()) {
                    out.add(at + ": el primer nivel envía la solicitud; no puede suspender");
                }
                if (l.days() != 0) {
                    out.add(at + ": el primer nivel sale al entrar la reserva a la escalera; no lleva «days»");
                }
            } else {
                if (l.days() < 1 || l.days() > MAX_DAYS) {
                    out.add(at + ": «days» debe estar entre 1 y " + MAX_DAYS + " días hábiles (tiene " + l.days() + ")");
                }
                if (!l.from().equals(Level.FROM_REQUEST) && !l.from().equals(Level.FROM_PREVIOUS)
                        && (!seen.contains(l.from()) || l.from().equals(l.name()))) {
                    out.add(at + ": «from: " + l.from() + "» debe ser request, previous o un nivel anterior");
                }
            }
            if (l.suspends() && i != levels.size() - 1) {
                out.add(at + ": la suspensión debe ser el último nivel");
            }
            if (l.warnedBy() != null && (!seen.contains(l.warnedBy()) || l.warnedBy().equals(l.name()))) {
                out.add(at + ": «warned_by: " + l.warnedBy() + "» debe ser un nivel anterior");
            }
            if (l.template() == null && !l.suspends()) {
                out.add(at + ": falta «template» (la plantilla del correo)");
            }
            if (l.template() != null && !NAME.matcher(l.template()).matches()) {
                out.add(at + ": plantilla «" + l.template() + "» no válida (minúsculas, dígitos y _)");
            }
        }
        return out;
    }

    public Level first() {
        return levels.get(0);
    }

    /** The level called {@code name}, or null. */
    public Level level(String name) {
        for (Level l : levels) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }

    public int indexOf(String levelName) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(levelName)) {
                return i;
            }
        }
        return -1;
    }

    /** The level whose days count from, for level {@code i}. */
    Level anchor(int i) {
        Level l = levels.get(i);
        return switch (l.from()) {
            case Level.FROM_REQUEST -> levels.get(0);
            case Level.FROM_PREVIOUS -> levels.get(i - 1);
            default -> level(l.from());
        };
    }

    /**
     * This ladder with a client's changes: levels dropped (with the suspension a dropped level
     * announces), then days changed. Throws with the reason when a change names no level here.
     */
    public Ladder apply(List<String> drop, Map<String, Integer> days, String newName) {
        List<String> problems = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (String d : drop) {
            if (level(d) == null) {
                problems.add("no existe el nivel «" + d + "» para omitirlo (niveles: " + names() + ")");
            } else if (levels.get(0).name().equals(d)) {
                problems.add("la solicitud inicial («" + d + "») no se puede omitir");
            } else {
                dropped.add(d);
            }
        }
        List<Level> kept = new ArrayList<>();
        for (Level l : levels) {
            if (dropped.contains(l.name()) || (l.warnedBy() != null && dropped.contains(l.warnedBy()))) {
                dropped.add(l.name());
                continue;
            }
            if (!l.from().equals(Level.FROM_REQUEST) && !l.from().equals(Level.FROM_PREVIOUS) && dropped.contains(l.from())) {
                problems.add("el nivel «" + l.name() + "» cuenta sus días desde «" + l.from() + "», que se omitió");
            }
            kept.add(days.containsKey(l.name()) ? l.withDays(days.get(l.name())) : l);
        }
        for (String d : days.keySet()) {
            if (level(d) == null) {
                problems.add("no existe el nivel «" + d + "» para cambiar sus días (niveles: " + names() + ")");
            } else if (dropped.contains(d)) {
                problems.add("el nivel «" + d + "» se omite; no se le pueden cambiar los días");
            } else if (levels.get(0).name().equals(d)) {
                problems.add("la solicitud inicial sale al entrar la reserva; no lleva días");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Ladder(newName, kept);
    }

    public String names() {
        return String.join(", ", levels.stream().map(Level::name).toList());
    }

    /** The last level when it suspends, else null. */
    public Level suspension() {
        Level last = levels.get(levels.size() - 1);
        return last.suspends() ? last : null;
    }
}
