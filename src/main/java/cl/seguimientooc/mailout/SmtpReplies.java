package cl.seguimientooc.mailout;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.apache.camel.Exchange;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Reads the SMTP reply code out of a send failure, for the ladder route's {@code onException}
 * ({@code ${bean:smtpReplies?method=code} >= 500} marks a failure as permanent).
 */
public final class SmtpReplies {

    /** The server's reply code (550, 421, ...); 553 for an address that is not one; 0 when the server said nothing. */
    public int code(Exchange exchange) {
        Throwable ex = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return code(ex);
    }

    static int code(Throwable ex) {
        int found = 0;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof AddressException) {
                return 553;
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                found = Math.max(found, s.getReturnCode());
            }
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0
                    && (s.getValidSentAddresses() == null || s.getValidSentAddresses().length == 0)) {
                found = Math.max(found, 550);
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                found = Math.max(found, code(m.getNextException()));
            }
        }
        return found;
    }

    /** A failure, in words, for the ledger and the logs. */
    static String describe(Throwable ex) {
        StringBuilder b = new StringBuilder();
        String login = cl.seguimientooc.mail.auth.MailAuthErrors.explain(ex, "SMTP_AUTH");
        if (login != null) { // what to change first, then the server's words
            b.append(login).append(". ");
        }
        int start = b.length();
        for (Throwable t = ex; t != null && b.length() < 500 + start; t = t.getCause()) {
            if (b.length() > start) {
                b.append(" ← ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()).strip());
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                b.append(" ← ").append(String.valueOf(m.getNextException().getMessage()).strip());
            }
        }
        return b.toString();
    }
}
