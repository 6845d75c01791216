package cl.seguimientooc.mail;

import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a passing fault (the mail connection dropped, the database is away) from a fault of the
 * message itself. A passing fault gives the message back to be read again; only the message's own
 * faults become an error record.
 */
public final class Faults {

    private Faults() {
    }

    public static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FolderClosedException || c instanceof StoreClosedException
                    || c instanceof java.net.SocketException || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.io.EOFException
                    || c instanceof TransientDataAccessException || c instanceof DataAccessResourceFailureException
                    || c instanceof RecoverableDataAccessException
                    || c instanceof SQLTransientException || c instanceof SQLRecoverableException
                    || c instanceof org.springframework.transaction.CannotCreateTransactionException) {
                return true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true; // connection lost, server shutting down, serialization failure, deadlock
            }
        }
        return false;
    }

    /** One line for a record or a log: the exception's class and message, bounded. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "error desconocido";
        }
        String msg = t.getMessage() == null ? "" : ": " + t.getMessage();
        String s = (t.getClass().getSimpleName() + msg).replaceAll("[\\p{Cntrl}]+", " ").strip();
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
