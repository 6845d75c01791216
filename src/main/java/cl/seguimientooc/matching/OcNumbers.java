package cl.seguimientooc.matching;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The purchase-order number in a subject, body or PDF text: {@code OC N° 4500012345},
 * {@code Orden de Compra 12345}, {@code O.C. 12345}, {@code OC-12345}, {@code OC: 12345}. "OC" must be
 * a word of its own (not the "oc" in "documento") and the number must contain a digit.
 */
public final class OcNumbers {

    private static final Pattern OC = Pattern.compile(
            "(?iu)(?<![\\p{L}\\p{N}])(?:o\\.\\s?c\\.?|oc|[oó]rden(?:es)?\\s+de\\s+compra|purchase\\s+order|p\\.?o\\.?)"
            + "(?![\\p{L}])\\s*(?:n(?:ro|um|úmero|o)?\\.?\\s*[°º]?|#|:|-)?\\s*[°º]?\\s*"
            + "([A-Z0-9][A-Z0-9/-]{2,24})(?![\\p{L}\\p{N}])");

    private OcNumbers() {
    }

    /** The first OC number found, or null. */
    public static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = OC.matcher(text);
        while (m.find()) {
            String candidate = m.group(1);
            if (candidate.chars().anyMatch(Character::isDigit)) {
                return candidate.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }
}
