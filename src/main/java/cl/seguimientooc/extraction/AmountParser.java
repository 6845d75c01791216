package cl.seguimientooc.extraction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads money written the Chilean way ({@code $ 1.234.567}, {@code 528.701,00}) or the US way
 * ({@code 1,234.56}). A separator followed by exactly three digits groups thousands; one followed
 * by one or two digits marks decimals. Anything that could mean two different amounts is refused
 * with the reason instead of guessed.
 */
public final class AmountParser {

    private static final Pattern CURRENCY = Pattern.compile(
            "(?<![a-z])(us\\s?\\$|u\\$s|usd|eur|euros?|€|clp|ch\\$|pesos?|\\$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,' \u00a0]*\\d)?");

    private AmountParser() {
    }

    /**
     * Finds the first amount in {@code text}. The currency is the token nearest before the number
     * (or right after it); without one, {@code defaultCurrency} applies.
     */
    public static Money parse(String text, String defaultCurrency) throws AmountException {
        String folded = TextFolding.fold(text);
        Matcher number = NUMBER.matcher(folded);
        if (!number.find()) {
            throw new AmountException("no hay un número en «" + text.strip() + "»");
        }
        String currency = currencyAround(folded, number.start(), number.end());
        return new Money(parseNumber(number.group().strip()), currency != null ? currency : defaultCurrency);
    }

    private static String currencyAround(String text, int numberStart, int numberEnd) {
        Matcher m = CURRENCY.matcher(text);
        String before = null;
        while (m.find() && m.end() <= numberStart) {
            before = m.group(1);
        }
        if (before != null) {
            return currencyCode(before);
        }
        Matcher after = CURRENCY.matcher(text);
        if (after.find(numberEnd) && text.substring(numberEnd, after.start()).isBlank()) {
            return currencyCode(after.group(1));
        }
        return null;
    }

    static String currencyCode(String token) {
        String t = token.toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.startsWith("us") || t.equals("u$s") || t.equals("usd")) {
            return "USD";
        }
        if (t.startsWith("eur") || t.equals("€")) {
            return "EUR";
        }
        return "CLP";
    }

    /** Parses the digits and separators of one amount; public for tests and other callers. */
    public static BigDecimal parseNumber(String raw) throws AmountException {
        String s = ungroupSpaces(raw);
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots == 0 && commas == 0) {
            return scaled(new BigDecimal(s));
        }
        if (dots > 0 && commas > 0) {
            char decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            if (count(s, decimal) > 1) {
                throw new AmountException("«" + raw + "» mezcla separadores de forma inválida");
            }
            int d = s.lastIndexOf(decimal);
            String integer = s.substring(0, d);
            String fraction = s.substring(d + 1);
            if (integer.indexOf(decimal) >= 0 || !validGroups(integer, grouping)) {
                throw new AmountException("«" + raw + "» tiene separadores de miles mal ubicados");
            }
            if (fraction.length() > 2) {
                throw new AmountException("«" + raw + "» es ambiguo: " + fraction.length() + " decimales");
            }
            return scaled(new BigDecimal(integer.replace(String.valueOf(grouping), "") + "." + fraction));
        }
        char sep = dots > 0 ? '.' : ',';
        if (count(s, sep) > 1) {
            if (!validGroups(s, sep)) {
                throw new AmountException("«" + raw + "» tiene separadores de miles mal ubicados");
            }
            return scaled(new BigDecimal(s.replace(String.valueOf(sep), "")));
        }
        int at = s.indexOf(sep);
        String integer = s.substring(0, at);
        String fraction = s.substring(at + 1);
        if (fraction.length() == 3) {
            if (integer.length() > 3 || integer.equals("0")) {
                throw new AmountException("«" + raw + "» es ambiguo: no se sabe si «" + sep
                        + "» separa miles o decimales");
            }
            return scaled(new BigDecimal(integer + fraction));
        }
        if (fraction.isEmpty() || fraction.length() > 3 || integer.isEmpty()) {
            throw new AmountException("«" + raw + "» no es un monto válido");
        }
        return scaled(new BigDecimal(integer + "." + fraction));
    }

    /** Spaces or apostrophes are accepted only as thousands separators between groups of three. */
    private static String ungroupSpaces(String raw) throws AmountException {
        String s = raw.replace('\u00a0', ' ');
        if (s.indexOf(' ') < 0 && s.indexOf('\'') < 0) {
            return s;
        }
        String[] parts = s.split("[ ']+");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].matches("\\d{3}([.,]\\d{1,2})?")) {
                throw new AmountException("«" + raw.strip() + "» tiene espacios donde no corresponde");
            }
        }
        if (!parts[0].matches("\\d{1,3}")) {
            throw new AmountException("«" + raw.strip() + "» tiene espacios donde no corresponde");
        }
        return String.join("", parts);
    }

    private static boolean validGroups(String integer, char grouping) {
        String[] groups = integer.split(Pattern.quote(String.valueOf(grouping)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount that is missing, malformed or ambiguous; the message says which. */
    public static final class AmountException extends Exception {
        public AmountException(String message) {
            super(message);
        }
    }
}
