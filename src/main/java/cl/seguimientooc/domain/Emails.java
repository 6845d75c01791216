package cl.seguimientooc.domain;

import java.util.regex.Pattern;

/** What the service accepts as an e-mail address (settings, client contacts, the API). */
public final class Emails {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

    private Emails() {
    }

    public static boolean valid(String address) {
        return address != null && ADDRESS.matcher(address).matches();
    }
}
