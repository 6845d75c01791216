package cl.seguimientooc.domain;

import cl.seguimientooc.extraction.TextFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparable form of an agency name: upper case, no accents, no punctuation, single spaces,
 * and runs of single letters joined, so "WALVIS S.A.", "Walvis SA" and "WALVIS S A" are one name.
 */
public final class ClientNames {

    private ClientNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String folded = TextFolding.fold(name).toUpperCase(Locale.ROOT).replace("&", " Y ");
        StringBuilder cleaned = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            // Dots and apostrophes join (S.A. -> SA, O'HIGGINS -> OHIGGINS); other punctuation separates.
            if (c == '.' || c == '\'') {
                continue;
            }
            cleaned.append(Character.isLetterOrDigit(c) ? c : ' ');
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder letters = new StringBuilder();
        for (String token : cleaned.toString().trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
                letters.append(token);
                continue;
            }
            if (letters.length() > 0) {
                tokens.add(letters.toString());
                letters.setLength(0);
            }
            tokens.add(token);
        }
        if (letters.length() > 0) {
            tokens.add(letters.toString());
        }
        return String.join(" ", tokens);
    }
}
