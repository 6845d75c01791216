package cl.seguimientooc.extraction;

/** Small scans over extracted text shared by the layout's field and room readers. */
final class LayoutText {

    private LayoutText() {
    }

    static int count(String s, char ch, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ch) {
                n++;
            }
        }
        return n;
    }

    static int skipBlanks(String s, int from) {
        int p = from;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl;
    }

    static int skipSpace(String s, int from) {
        int p = from;
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Collapses runs of spaces and tabs; keeps line breaks only for multi-line fields. */
    static String clean(String raw, boolean multiline) {
        String s = raw.replace('\t', ' ');
        if (multiline) {
            return s.lines().map(l -> l.replaceAll(" {2,}", " ").strip()).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
        }
        return s.replaceAll("\\s+", " ").strip();
    }
}
