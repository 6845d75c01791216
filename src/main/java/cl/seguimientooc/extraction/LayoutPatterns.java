package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.LayoutTemplate.FieldSpec;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a layout template's regular expressions: folded like the text they run on, case- and
 * accent-insensitive, with an error that names the template key when one is invalid.
 */
final class LayoutPatterns {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE;

    private LayoutPatterns() {
    }

    static CompiledLayout.Rule rule(String field, FieldSpec s) {
        int kinds = (s.label() != null ? 1 : 0) + (s.pattern() != null ? 1 : 0) + (s.after() != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("field '" + field + "': each rule needs exactly one of label, pattern, after");
        }
        Pattern pattern = s.pattern() == null ? null : compile(s.pattern(), field + ".pattern");
        if (pattern != null && !s.pattern().contains("(?<value>")) {
            throw new IllegalArgumentException("field '" + field + "': pattern needs a named group (?<value>...)");
        }
        String description = s.label() != null ? "«" + s.label() + ":»"
                : s.after() != null ? "el título «" + s.after() + "»" : "el patrón de " + field;
        return new CompiledLayout.Rule(
                s.label() == null ? null : Pattern.compile(labelRegex(s.label()), FLAGS),
                pattern,
                s.after() == null ? null : compile("^[ \\t]*(?:" + s.after() + ")[ \\t]*:?[ \\t]*$", field + ".after"),
                s.line() == null ? 1 : s.line(),
                s.until() == null ? null : compile("^[ \\t]*(?:" + s.until() + ")", field + ".until"),
                compileAll(s.skip(), field + ".skip"),
                s.value() == null ? null : compile(s.value(), field + ".value"),
                description);
    }

    /** "LOC Interno" becomes a regex that allows any spacing, a space before the colon, and no colon space. */
    static String labelRegex(String label) {
        String[] words = TextFolding.fold(label).trim().split("\\s+");
        StringBuilder b = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                b.append("[ \\t]+");
            }
            b.append(Pattern.quote(words[i]));
        }
        return b.append("[ \\t]*:").toString();
    }

    static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(TextFolding.fold(regex), FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": invalid regular expression: " + e.getDescription());
        }
    }

    static List<Pattern> compileAll(List<String> regexes, String where) {
        return regexes == null ? List.of() : regexes.stream().map(r -> compile(r, where)).toList();
    }
}
