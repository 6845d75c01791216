package cl.seguimientooc.mail;

import java.util.Locale;

/** What is done on the server to a message once its confirmation is safely stored. */
public enum PostAction {
    /** Set \Seen (default). */
    MARCAR_LEIDO,
    /** Move to the folder in MAIL_MOVE_FOLDER. */
    MOVER,
    /** Set \Flagged and keep the read state as it was. */
    DESTACAR,
    /** Leave the message exactly as it was. */
    NINGUNA;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostAction fromCode(String code) {
        for (PostAction a : values()) {
            if (a.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return a;
            }
        }
        throw new IllegalArgumentException("acción posterior desconocida: " + code);
    }
}
