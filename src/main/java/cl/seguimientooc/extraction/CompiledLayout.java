package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.LayoutTemplate.FieldSpec;
import cl.seguimientooc.extraction.Reservation.Room;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layout template compiled for use: recognises its documents and finds each field's raw text.
 * All matching runs on folded text (accents removed, dashes unified) so a template written with
 * or without accents works on documents printed either way; values are cut from the original.
 */
final class CompiledLayout {

    private static final int MAX_LABELS_SKIPPED = 3;

    final String name;
    final int priority;
    final String currency;
    private final List<String> recogniseAll;
    private final List<String> recogniseAny;
    private final Map<ReservationField, Field> fields = new EnumMap<>(ReservationField.class);
    private final Pattern anyLabel;
    private final RoomSection rooms;

    /** One way to find a field; see {@link FieldSpec}. */
    record Rule(Pattern label, Pattern pattern, Pattern after, int line, Pattern until, List<Pattern> skip, Pattern value,
                String description) {
    }

    record Field(ReservationField field, List<Rule> rules, boolean required, ReservationField fallback,
                 List<Pattern> empty) {
    }

    /** Raw text found for a field, or the reason it was not. */
    record Found(String text, String reason) {
        boolean present() {
            return text != null;
        }
    }

    CompiledLayout(LayoutTemplate t) {
        this.name = require(t.name(), "name");
        this.priority = t.priority();
        this.currency = t.currency() == null ? "CLP" : t.currency().toUpperCase(java.util.Locale.ROOT);
        if (t.recognise() == null || t.recognise().all() == null || t.recognise().all().isEmpty()) {
            throw new IllegalArgumentException("recognise.all needs at least one keyword");
        }
        this.recogniseAll = t.recognise().all().stream().map(TextFolding::key).toList();
        this.recogniseAny = t.recognise().any() == null ? List.of()
                : t.recognise().any().stream().map(TextFolding::key).toList();
        Set<String> labels = new LinkedHashSet<>();
        for (var entry : t.fields().entrySet()) {
            ReservationField field = ReservationField.byKey(entry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("unknown field '" + entry.getKey() + "'; known: "
                            + java.util.Arrays.stream(ReservationField.values()).map(ReservationField::key).toList()));
            FieldSpec spec = entry.getValue();
            List<FieldSpec> specs = spec.rules() == null || spec.rules().isEmpty() ? List.of(spec) : spec.rules();
            List<Rule> rules = new ArrayList<>();
            for (FieldSpec s : specs) {
                rules.add(LayoutPatterns.rule(entry.getKey(), s));
                if (s.label() != null) {
                    labels.add(LayoutPatterns.labelRegex(s.label()));
                }
            }
            ReservationField fallback = spec.fallback() == null ? null : ReservationField.byKey(spec.fallback())
                    .orElseThrow(() -> new IllegalArgumentException("unknown fallback field '" + spec.fallback() + "'"));
            fields.put(field, new Field(field, rules, spec.required(), fallback, LayoutPatterns.compileAll(spec.empty(), entry.getKey())));
        }
        this.anyLabel = labels.isEmpty() ? null : Pattern.compile(String.join("|", labels), LayoutPatterns.FLAGS);
        this.rooms = t.rooms() == null ? null : new RoomSection(
                LayoutPatterns.compile(t.rooms().start(), "rooms.start"),
                LayoutPatterns.compileAll(t.rooms().guest(), "rooms.guest"),
                t.rooms().end() == null ? null : LayoutPatterns.compile(t.rooms().end(), "rooms.end"));
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    /** Number of keywords matched, or -1 when the text is not this layout. */
    int score(String textKey) {
        for (String k : recogniseAll) {
            if (!textKey.contains(k)) {
                return -1;
            }
        }
        int any = 0;
        for (String k : recogniseAny) {
            if (textKey.contains(k)) {
                any++;
            }
        }
        if (!recogniseAny.isEmpty() && any == 0) {
            return -1;
        }
        return recogniseAll.size() + any;
    }

    Map<ReservationField, Field> fields() {
        return fields;
    }

    Found find(Field field, String original, String folded) {
        String reason = null;
        for (Rule rule : field.rules()) {
            Found found = rule.label() != null ? byLabel(rule, original, folded)
                    : rule.pattern() != null ? byPattern(rule, original, folded)
                    : byHeading(rule, original, folded);
            if (found.present()) {
                String clean = LayoutText.clean(found.text(), field.field().kind() == ReservationField.Kind.MULTILINE);
                for (Pattern empty : field.empty()) {
                    if (empty.matcher(Interruptible.of(TextFolding.fold(clean))).matches()) {
                        return new Found("", null);
                    }
                }
                if (!clean.isEmpty()) {
                    return new Found(clean, null);
                }
                reason = rule.description() + " aparece, pero sin valor";
            } else if (reason == null) {
                reason = found.reason();
            }
        }
        return new Found(null, reason);
    }

    private Found byLabel(Rule rule, String original, String folded) {
        Matcher label = rule.label().matcher(Interruptible.of(folded));
        String reason = "no se encontró " + rule.description();
        while (label.find()) {
            int p = LayoutText.skipBlanks(folded, label.end());
            boolean valueOnThisLine = p < folded.length() && folded.charAt(p) != '\n' && !labelAt(folded, p);
            Found found = valueOnThisLine ? valueAt(rule, original, folded, p, folded.length())
                    : valueBelow(rule, original, folded, label.start(), label.end());
            if (found.present()) {
                return found;
            }
            reason = rule.description() + " aparece, pero el valor no tiene la forma esperada";
        }
        return new Found(null, reason);
    }

    /** The value starting at {@code p}: free text to the next break, or the rule's value regex. */
    private Found valueAt(Rule rule, String original, String folded, int p, int limit) {
        if (rule.value() == null) {
            return new Found(original.substring(p, Math.min(limit, freeTextEnd(folded, p))), null);
        }
        for (int skipped = 0; skipped <= MAX_LABELS_SKIPPED && p < limit; skipped++) {
            Matcher value = rule.value().matcher(Interruptible.of(folded)).region(p, limit);
            if (value.lookingAt()) {
                return new Found(group(value, original), null);
            }
            // Another label right here: values may follow a block of labels (columns read across).
            Matcher next = anyLabel == null ? null : anyLabel.matcher(Interruptible.of(folded)).region(p, limit);
            if (next == null || !next.lookingAt()) {
                break;
            }
            p = LayoutText.skipSpace(folded, next.end());
        }
        return new Found(null, null);
    }

    /**
     * The label ends its line (or is followed only by more labels): the value is the cell of the next
     * line in the same column, counted from the left when both lines have as many cells, otherwise
     * from the right (a left column such as an address may have no counterpart below).
     */
    private Found valueBelow(Rule rule, String original, String folded, int labelStart, int labelEnd) {
        int lineStart = folded.lastIndexOf('\n', labelStart - 1) + 1;
        int lineEnd = LayoutText.lineEnd(folded, labelStart);
        if (lineEnd >= folded.length()) {
            return new Found(null, null);
        }
        int fromLeft = LayoutText.count(folded, '\t', lineStart, labelStart);
        int fromRight = LayoutText.count(folded, '\t', labelEnd, lineEnd);
        int cellsHere = LayoutText.count(folded, '\t', lineStart, lineEnd) + 1;
        int nextStart = lineEnd + 1;
        int nextEnd = LayoutText.lineEnd(folded, nextStart);
        List<int[]> cells = new ArrayList<>();
        int c = nextStart;
        for (int t = folded.indexOf('\t', c); t >= 0 && t < nextEnd; t = folded.indexOf('\t', c)) {
            cells.add(new int[] {c, t});
            c = t + 1;
        }
        cells.add(new int[] {c, nextEnd});
        int index = cells.size() == cellsHere ? fromLeft : cells.size() - 1 - fromRight;
        if (index < 0 || index >= cells.size()) {
            return new Found(null, null);
        }
        int[] cell = cells.get(index);
        int p = LayoutText.skipBlanks(folded, cell[0]);
        if (p >= cell[1] || labelAt(folded, p)) {
            return new Found(null, null);
        }
        return valueAt(rule, original, folded, p, cell[1]);
    }

    private boolean labelAt(String folded, int p) {
        return anyLabel != null && anyLabel.matcher(Interruptible.of(folded)).region(p, folded.length()).lookingAt();
    }

    private static Found byPattern(Rule rule, String original, String folded) {
        Matcher m = rule.pattern().matcher(Interruptible.of(folded));
        return m.find() ? new Found(original.substring(m.start("value"), m.end("value")), null)
                : new Found(null, "no se encontró " + rule.description());
    }

    private Found byHeading(Rule rule, String original, String folded) {
        Matcher heading = rule.after().matcher(Interruptible.of(folded));
        if (!heading.find()) {
            return new Found(null, "no se encontró " + rule.description());
        }
        int p = LayoutText.lineEnd(folded, heading.end()) + 1;
        StringBuilder collected = new StringBuilder();
        int taken = 0;
        while (p < folded.length()) {
            int end = LayoutText.lineEnd(folded, p);
            String line = folded.substring(p, end);
            if (rule.until() != null && rule.until().matcher(Interruptible.of(line)).lookingAt()) {
                break;
            }
            boolean skip = line.isBlank() || matchesAny(rule.skip(), line)
                    || anyLabel != null && anyLabel.matcher(Interruptible.of(line)).region(0, line.length()).lookingAt()
                    && rule.until() == null;
            if (!skip) {
                taken++;
                if (rule.until() != null) {
                    collected.append(original, p, end).append('\n');
                } else if (taken == rule.line()) {
                    String cut = original.substring(p, labelOrEnd(folded, p, end));
                    if (rule.value() == null) {
                        int tab = cut.indexOf('\t');
                        return new Found(tab < 0 ? cut : cut.substring(0, tab), null);
                    }
                    Matcher value = rule.value().matcher(Interruptible.of(TextFolding.fold(cut)));
                    return value.find() ? new Found(group(value, cut), null)
                            : new Found(null, "la línea bajo " + rule.description() + " no tiene la forma esperada");
                }
            }
            p = end + 1;
        }
        if (rule.until() != null) {
            return new Found(collected.toString(), null);
        }
        return new Found(null, "no hay línea " + rule.line() + " bajo " + rule.description());
    }

    private static String group(Matcher m, String original) {
        boolean named = m.pattern().pattern().contains("(?<value>");
        return named ? original.substring(m.start("value"), m.end("value")) : original.substring(m.start(), m.end());
    }

    private static boolean matchesAny(List<Pattern> patterns, String line) {
        for (Pattern p : patterns) {
            if (p.matcher(Interruptible.of(line)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Free text runs to the end of the line, a column break (tab) or the next label, whichever is first. */
    private int freeTextEnd(String folded, int from) {
        int end = LayoutText.lineEnd(folded, from);
        int tab = folded.indexOf('\t', from);
        if (tab >= 0 && tab < end) {
            end = tab;
        }
        return labelOrEnd(folded, from, end);
    }

    private int labelOrEnd(String folded, int from, int end) {
        if (anyLabel != null) {
            Matcher next = anyLabel.matcher(Interruptible.of(folded)).region(from, end);
            if (next.find()) {
                return next.start();
            }
        }
        return end;
    }

    /** Rooms and their guests, in document order. */
    List<Room> rooms(String original, String folded) {
        return rooms == null ? List.of() : rooms.read(original, folded);
    }
}
