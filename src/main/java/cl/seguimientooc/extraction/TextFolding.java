package cl.seguimientooc.extraction;

import java.text.Normalizer;

/**
 * Folds text for matching without changing its length, so an offset found in the folded text cuts
 * the same span out of the original (values keep their accents, patterns ignore them).
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** Strips accents and unifies dashes and spaces, one character for one character. Case is kept. */
    public static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[i] = foldChar(text.charAt(i));
        }
        return new String(out);
    }


    /** Lower-case, accent-free, single-spaced form used to compare short strings such as keywords. */
    public static String key(String text) {
        return fold(text).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    static char foldChar(char c) {
        if (c < 0x80) {
            return c;
        }
        switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u00ad':
                return '-';
            case '\u00a0', '\u2007', '\u202f', '\u2009', '\u200a', '\u2002', '\u2003':
                return ' ';
            case '\u2018', '\u2019':
                return '\'';
            case '\u201c', '\u201d':
                return '"';
            default:
                break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base < 0x80 || decomposed.length() == 1 ? base : c;
    }
}
