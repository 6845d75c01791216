package cl.seguimientooc.web.auth;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** bcrypt hashes (spring-security-crypto), and the rules a new password must meet. */
public final class Passwords {

    /** bcrypt work factor: about 50–100 ms per check on one core of the 2-core machine. */
    static final int COST = 10;
    public static final int MIN_LENGTH = 10;
    /** bcrypt reads only the first 72 bytes; longer passwords would silently lose their tail. */
    static final int MAX_BYTES = 72;
    /** A hash to check against when the user does not exist, so that case takes as long as a wrong password. */
    private static final String DUMMY = BCrypt.hashpw("no-existe-este-usuario", BCrypt.gensalt(COST));

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    /** Constant work whether or not {@code hash} is null (unknown user). */
    public static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCrypt.checkpw("x", DUMMY);
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash == null ? DUMMY : hash) && hash != null;
        } catch (IllegalArgumentException e) {
            return false; // a stored value that is not a bcrypt hash opens nothing
        }
    }

    /** Why a new password is refused, in Spanish; null when it is acceptable. */
    public static String problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "la contraseña debe tener al menos " + MIN_LENGTH + " caracteres";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "la contraseña no puede superar " + MAX_BYTES + " bytes";
        }
        if (password.isBlank() || password.strip().equalsIgnoreCase(username == null ? "" : username.strip())) {
            return "la contraseña no puede ser el nombre de usuario";
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return "la contraseña no puede tener caracteres de control";
        }
        return null;
    }
}
