package cl.seguimientooc.mail.auth;

import java.util.Locale;

/**
 * Turns a mail server's refusal (or its certificate's) into a Spanish reason that says what to change. The one that
 * matters most: Microsoft 365 and Gmail switching basic authentication off, which stopped the
 * earlier system without a word.
 */
public final class MailAuthErrors {

    private MailAuthErrors() {
    }

    /** A Spanish explanation of {@code error} for the connection whose auth setting is {@code authKey}, or null. */
    public static String explain(Throwable error, String authKey) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MailLoginException) {
                return t.getMessage();
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.security.cert.CertPathBuilderException || m.contains("pkix path")
                    || m.contains("unable to find valid certification path")) {
                return "el certificado del servidor no es de una autoridad de confianza: agregue su CA (o el certificado)"
                        + " a un almacén y póngalo en MAIL_TRUSTSTORE y MAIL_TRUSTSTORE_PASSWORD (docs/DEPLOY.md)";
            }
            if (t instanceof java.security.cert.CertificateException && (m.contains("subject alternative")
                    || m.contains("doesn't match") || m.contains("no name matching"))) {
                return "el certificado del servidor no lleva su nombre: use en el *_HOST el nombre que figura en el certificado";
            }
            if (basicDisabled(m)) {
                return "el servidor desactivó la autenticación básica (usuario y contraseña). Configure OAuth2: "
                        + authKey + "=microsoft365 o " + authKey + "=google y las claves OAUTH_* (docs/DEPLOY.md, «Correo con OAuth2»)";
            }
            if (m.contains("authenticationfailed") || m.contains("authentication failed") || m.contains("authenticate failed")
                    || m.contains("login failed") || m.contains("invalid credentials") || m.contains("5.7.8")
                    || m.contains("authentication unsuccessful")) {
                return "el servidor rechazó el ingreso. Con " + authKey + "=clave revise usuario y contraseña (si la cuenta es"
                        + " Microsoft 365 o Gmail, la autenticación básica puede estar desactivada: use OAuth2); con OAuth2 revise"
                        + " que la aplicación tenga acceso a este buzón (docs/DEPLOY.md, «Correo con OAuth2»)";
            }
        }
        return null;
    }

    static boolean basicDisabled(String m) {
        return m.contains("basic authentication is disabled") || m.contains("basicauthblocked")
                || m.contains("smtpclientauthentication is disabled") || m.contains("5.7.139")
                || m.contains("application-specific password required") || m.contains("5.7.9 ")
                || m.contains("please log in via your web browser") || m.contains("web login required")
                || m.contains("5.7.14");
    }
}
