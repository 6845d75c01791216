package cl.seguimientooc.mail;

import cl.seguimientooc.mail.MailProcessor.Result;
import cl.seguimientooc.mail.MailProcessor.Roles;
import cl.seguimientooc.mail.MailProcessor.ServerRef;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ProcessedMailStore;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.UIDFolder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox route's steps that touch the IMAP message: read it, leave it as it was or flag it
 * (post-actions), record a failure with the raw message; and reprocessing of stored messages.
 */
public final class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    /** Route headers (set by the route template). */
    public static final String MAILBOX = "ocBuzon";
    public static final String ROLES = "ocLectura";
    /** Header: whether the message was read (\\Seen) before this service fetched it. */
    static final String WAS_SEEN = "ocLeido";
    /** Exchange property: the IMAP message itself. */
    static final String ORIGINAL = "ocImapMessage";
    /** Exchange property: the raw message, read before parsing. */
    static final String RAW = "ocRawMessage";

    private final MailProcessor processor;
    private final ProcessedMailStore mails;
    private final Db db;
    private final ProcessedMailRepository repository;
    private final SeenRestorer seenRestorer;

    public MailIntake(MailProcessor processor, ProcessedMailStore mails, Db db, ProcessedMailRepository repository,
                      SeenRestorer seenRestorer) {
        this.processor = processor;
        this.mails = mails;
        this.db = db;
        this.repository = repository;
        this.seenRestorer = seenRestorer;
    }

    /**
     * The "read" step of the mailbox route: finds the message's processed-mail record (claimed by the
     * idempotent consumer), keeps the raw bytes before parsing (a failure is recorded with them) and
     * parses the MIME leniently. Whether it was read before is kept for the post-action.
     */
    public MailTriage.Incoming read(Exchange exchange) throws Exception {
        Message message = original(exchange);
        exchange.setProperty(ORIGINAL, message);
        String mailbox = exchange.getMessage().getHeader(MAILBOX, String.class);
        String key = key(exchange);
        exchange.getMessage().setHeader(WAS_SEEN, message.isSet(Flags.Flag.SEEN));
        Long id = repository.claimedId(MailboxIds.compose(mailbox, key));
        if (id == null) {
            id = mails.findId(mailbox, key);
        }
        if (id == null) {
            throw new IllegalStateException("el mensaje " + key + " no tiene registro en processed_mail");
        }
        byte[] raw = MailContent.rawBytes(message);
        exchange.setProperty(RAW, raw);
        String note = MailKeys.isVariant(key) ? "mismo Message-ID que un mensaje anterior con otro contenido (otra fecha):"
                + " se procesó como un mensaje distinto; revise si el remitente reutiliza identificadores" : null;
        exchange.getMessage().setHeader("ocMensajeId", id);
        return new MailTriage.Incoming(id, roles(exchange), MailContent.parse(raw), serverRef(message), note);
    }

    /** Post-action "ninguna", and every message not taken: left read or unread, as it was. */
    public void leaveAsItWas(Exchange exchange) {
        restoreIfUnread(original(exchange), Boolean.TRUE.equals(exchange.getMessage().getHeader(WAS_SEEN, Boolean.class)));
    }

    /** Post-action "destacar": flagged, and left read or unread as it was. */
    public void flag(Exchange exchange) throws Exception {
        original(exchange).setFlag(Flags.Flag.FLAGGED, true);
        leaveAsItWas(exchange);
    }

    /**
     * Dead-letter handler. A lost connection or an unavailable database gives the claim back, so
     * the next poll reads the message again; anything else is recorded as an error with the raw
     * message, for a person to see and reprocess.
     */
    public void failed(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Message message = original(exchange);
        String mailbox = exchange.getMessage().getHeader(MAILBOX, String.class);
        String key = key(exchange);
        String composed = MailboxIds.compose(mailbox, key);
        restoreIfUnread(message, false);
        if (cause instanceof ProcessedMailStore.ClaimLostException) {
            LOG.warn("Mensaje {} de {}: {}", key, mailbox, cause.getMessage());
            repository.forgetClaim(composed);
            return;
        }
        byte[] raw = exchange.getProperty(RAW, byte[].class);
        if (raw == null && !Faults.isTransient(cause)) {
            try {
                raw = MailContent.rawBytes(message);
            } catch (Exception e) {
                cause = e; // could not fetch it: a connection problem, retried on the next poll
            }
        }
        if (raw == null || Faults.isTransient(cause)) {
            release(composed, key, mailbox, cause);
            return;
        }
        String error = Faults.describe(cause);
        MailContent content = MailContent.parse(raw);
        try {
            Long id = repository.claimedId(composed);
            if (id == null) {
                id = mails.findId(mailbox, key);
            }
            if (id == null) {
                throw new IllegalStateException("sin registro para " + key);
            }
            if (!mails.recordFailure(id, error, raw, content.rawSha256(), content.fromAddress(), content.subject())) {
                LOG.warn("Mensaje {} de {} falló, pero otra instancia ya lo retomó: no se registra este intento", key, mailbox);
                repository.forgetClaim(composed);
                return;
            }
            LOG.error("Mensaje {} de {} falló y quedó registrado (id {}) para reprocesarlo: {}", key, mailbox, id, error);
        } catch (RuntimeException e) {
            if (!Faults.isTransient(e)) {
                throw e;
            }
            release(composed, key, mailbox, e);
        }
    }

    private void release(String composed, String key, String mailbox, Exception cause) {
        LOG.warn("Mensaje {} de {} no se pudo procesar ahora ({}); se reintentará en la próxima lectura", key, mailbox,
                Faults.describe(cause));
        try {
            repository.remove(composed);
        } catch (RuntimeException e) {
            // database away too: the claim stays ours and is taken back by this instance on the next poll
            repository.forgetClaim(composed);
            LOG.warn("No se pudo liberar el mensaje {} ({}); esta instancia lo retoma al volver la base", key,
                    Faults.describe(e));
        }
    }

    /**
     * Runs a stored message through the processor again (after a fix, a new layout, the database
     * coming back). Returns what happened, in the API's words. Throws NoSuchElementException for an
     * unknown id and IllegalStateException when the message cannot be reprocessed now.
     */
    public Map<String, Object> reprocess(long id, Roles roles) throws Exception {
        ProcessedMailStore.Stored row = db.tx().execute(s -> {
            ProcessedMailStore.Stored r = mails.lockForReprocess(id);
            if (r != null && !"en_proceso".equals(r.outcome()) && r.raw() != null) {
                mails.startReprocess(id);
            }
            return r;
        });
        if (row == null) {
            throw new java.util.NoSuchElementException("no existe el mensaje " + id);
        }
        if ("en_proceso".equals(row.outcome())) {
            throw new IllegalStateException("el mensaje " + id + " se está procesando ahora; intente en unos minutos");
        }
        if (row.raw() == null) {
            throw new IllegalStateException("el mensaje " + id + " no guardó su contenido original (resultado: "
                    + row.outcome() + "); solo se guarda cuando falló o quedó pendiente de revisión");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        MailContent content = MailContent.parse(row.raw());
        Result result;
        try {
            result = processor.process(id, roles, content, new ServerRef(row.uidValidity(), row.uid()), null);
        } catch (RuntimeException e) {
            mails.recordFailure(id, e.getClass().getSimpleName() + ": " + e.getMessage(), null, null, null, null);
            throw e;
        }
        repository.forget(MailboxIds.compose(row.mailbox(), row.dedupKey()));
        answer.put("tipo", result.kind());
        answer.put("resultado", result.outcome());
        answer.put("motivo", result.reason());
        answer.put("error", result.error());
        answer.put("reservas", result.reservations().stream().map(s -> Map.of("id", s.id(), "id_reserva", s.code(),
                "efecto", s.effect().code(), "estado", s.status())).toList());
        return answer;
    }

    private void restoreIfUnread(Message message, boolean wasSeen) {
        if (!wasSeen) {
            seenRestorer.restoreLater(message);
        }
    }

    /** The IMAP message: the route's steps replace the exchange's message, so read() keeps it aside. */
    private static Message original(Exchange exchange) {
        Message kept = exchange.getProperty(ORIGINAL, Message.class);
        if (kept != null) {
            return kept;
        }
        MailMessage in = exchange.getIn(MailMessage.class);
        if (in == null) {
            throw new IllegalStateException("el intercambio no trae el mensaje IMAP");
        }
        return in.getOriginalMessage();
    }

    private static String key(Exchange exchange) {
        String composed = exchange.getProperty(MailConstants.MAIL_MESSAGE_ID, String.class);
        if (composed == null) {
            throw new IllegalStateException("falta la clave del mensaje (" + MailConstants.MAIL_MESSAGE_ID + ")");
        }
        return MailboxIds.split(composed)[1];
    }

    private static Roles roles(Exchange exchange) {
        String roles = exchange.getMessage().getHeader(ROLES, "confirmaciones", String.class);
        return new Roles(roles.contains("confirmaciones"), roles.contains("oc"));
    }

    private static ServerRef serverRef(Message message) {
        Folder folder = message.getFolder();
        if (folder instanceof UIDFolder uf) {
            try {
                return new ServerRef(uf.getUIDValidity(), uf.getUID(message));
            } catch (Exception e) {
                return ServerRef.NONE;
            }
        }
        return ServerRef.NONE;
    }
}
