package cl.seguimientooc.mail;

import cl.seguimientooc.mail.MailTriage.Incoming;
import cl.seguimientooc.mail.MailTriage.Triage;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.ProcessedMailStore;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.ReservationStore.Stored;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The store steps of the mailbox route: commits the processed-mail record with what the message
 * brought (reservations, an OC) in one transaction. Knows nothing of Camel or IMAP; {@link #process}
 * runs the route's steps in order for reprocessing and the CLI.
 */
public final class MailProcessor {

    /** What a mailbox is read for; a shared mailbox is read for both. */
    public record Roles(boolean confirmations, boolean ocs) {
    }

    /** What became of a message. {@code postAction} is true when the server-side post-action may run. */
    /**
     * What became of a message. {@code postAction} is true when the server-side post-action may run;
     * {@code oc}: for an OC, what was matched (id_reserva, numero_oc, orden_compra_id, ...), else empty.
     */
    public record Result(long mailId, String kind, String outcome, String reason, String error,
                         List<Stored> reservations, boolean postAction, Map<String, Object> oc) {
    }

    /** Where the message was read from on the server, when known. */
    public record ServerRef(Long uidValidity, Long uid) {
        public static final ServerRef NONE = new ServerRef(null, null);
    }

    private final MailTriage triage;
    private final Db db;
    private final ProcessedMailStore mails;
    private final ReservationStore reservations;
    private final cl.seguimientooc.matching.OcIntake ocIntake;

    public MailProcessor(MailTriage triage, Db db, ProcessedMailStore mails, ReservationStore reservations,
                         cl.seguimientooc.matching.OcIntake ocIntake) {
        this.triage = triage;
        this.db = db;
        this.mails = mails;
        this.reservations = reservations;
        this.ocIntake = ocIntake;
    }

    public Result process(long mailId, Roles roles, MailContent mail, ServerRef server, String postAction) {
        return process(mailId, roles, mail, server, postAction, null);
    }

    /**
     * The whole intake of one message, for callers without routes (reprocess, the CLI): the same
     * steps the mailbox route shows. {@code note}: something the reader noticed about the message.
     */
    public Result process(long mailId, Roles roles, MailContent mail, ServerRef server, String postAction, String note) {
        Triage t = triage.classify(new Incoming(mailId, roles, mail, server, note));
        if (t.kind().equals(MailTriage.CONFIRMATION)) {
            t = triage.readPdfs(t);
        }
        return switch (t.kind()) {
            case MailTriage.CONFIRMATION -> storeConfirmations(t, postAction);
            case MailTriage.OC -> storeOc(t, postAction);
            default -> recordOther(t);
        };
    }

    /** Store step of a confirmation: its reservations (client rules decide each status), OCs that were waiting for them. */
    public Result storeConfirmations(Triage t, String postAction) {
        return complete(t, postAction, () -> {
            List<Stored> out = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (MailTriage.Confirmation c : t.confirmations()) {
                String sha = MailContent.sha256(c.pdf().content());
                long documentId = mails.saveDocument(sha, c.pdf().name(), c.pdf().content());
                out.add(reservations.store(c.result().reservation(), c.result().layout(), t.in().mailId(), documentId, sha));
                var r = c.result().reservation();
                for (String code : new String[] {r.reservationId(), r.internalLocator(), r.supplierLocator()}) {
                    if (code != null) {
                        codes.add(code.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
            if (ocIntake != null && !codes.isEmpty()) {
                ocIntake.matchWaiting(codes); // an OC that arrived before its confirmation
            }
            return triaged(t, out);
        });
    }

    /** Match step of an OC (or a reply): matched and stored, or queued for a person, in one transaction with the record. */
    public Result storeOc(Triage t, String postAction) {
        return complete(t, postAction, () -> {
            if (ocIntake == null) {
                return triaged(t, List.of());
            }
            var oc = ocIntake.handle(t.in().mailId(), t.in().mail());
            return new Decision(oc.kind(), oc.outcome(), oc.reason(), List.of(), oc.details());
        });
    }

    /** Anything else: recorded with its reason (and its original when a person or a new layout may need it). */
    public Result recordOther(Triage t) {
        return complete(t, null, () -> triaged(t, List.of()));
    }

    /** What a store step decided inside its transaction; {@code oc}: the OC intake's details, or null. */
    private record Decision(String kind, String outcome, String reason, List<Stored> stored, Map<String, Object> oc) {
    }

    /** The triage's own verdict: an error when it found one, a confirmation taken, anything else ignored. */
    private static Decision triaged(Triage t, List<Stored> stored) {
        String outcome = !t.errors().isEmpty() ? "error" : t.kind().equals(MailTriage.CONFIRMATION) ? "procesado" : "ignorado";
        return new Decision(t.kind(), outcome, t.reason(), stored, null);
    }

    /** Runs a step's own work and commits the processed-mail record with it, in one transaction. */
    private Result complete(Triage t, String postAction, java.util.function.Supplier<Decision> work) {
        Incoming in = t.in();
        MailContent mail = in.mail();
        long mailId = in.mailId();
        String error = t.errors().isEmpty() ? null : String.join("\n", t.errors());
        Decision decision = db.tx().execute(status -> {
            Decision d = work.get();
            List<Map<String, Object>> details = new ArrayList<>(t.details());
            if (d.oc() != null) {
                details.add(d.oc());
            }
            List<Stored> out = d.stored();
            String summary = d.reason();
            if (summary == null && !out.isEmpty()) {
                summary = describe(out);
            }
            if (in.note() != null) {
                summary = (summary == null ? "" : summary + ". ") + in.note();
            }
            if (!mail.problems().isEmpty() && (!d.kind().equals(MailTriage.OTHER) || error == null)) {
                summary = (summary == null ? "" : summary + ". ") + "Partes del mensaje ilegibles: "
                        + String.join("; ", mail.problems());
            }
            mails.complete(new MapSqlParameterSource("id", mailId)
                    .addValue("messageId", mail.messageId()).addValue("uidValidity", in.server().uidValidity())
                    .addValue("uid", in.server().uid()).addValue("sender", mail.fromAddress())
                    .addValue("subject", mail.subject())
                    .addValue("sentAt", mail.sentAt() == null ? null : Timestamp.from(mail.sentAt()))
                    .addValue("inReplyTo", mail.inReplyTo()).addValue("references", mail.references())
                    .addValue("kind", d.kind()).addValue("outcome", d.outcome()).addValue("reason", summary)
                    .addValue("error", error).addValue("details", Json.write(details))
                    // Everything not taken is kept whole, to be reprocessed or looked at; a taken confirmation
                    // keeps its PDF (document) and an OC its files instead.
                    .addValue("raw", t.keepRaw() || !d.outcome().equals("procesado") ? mail.raw() : null)
                    .addValue("rawSha256", mail.rawSha256())
                    .addValue("postAction", postActionFor(d) ? postAction : null));
            return d;
        });
        return new Result(mailId, decision.kind(), decision.outcome(), decision.reason(), error, decision.stored(),
                postActionFor(decision), decision.oc() == null ? Map.of() : decision.oc());
    }

    /** Confirmations and OCs the service took are post-actioned; replies stay as they were, for a person. */
    private static boolean postActionFor(Decision d) {
        return d.outcome().equals("procesado") && (d.kind().equals(MailTriage.CONFIRMATION) || d.kind().equals(MailTriage.OC));
    }

    private static String describe(List<Stored> stored) {
        List<String> parts = new ArrayList<>();
        for (Stored s : stored) {
            parts.add("reserva " + s.code() + " " + switch (s.effect()) {
                case CREADA -> "creada (" + s.status() + ")";
                case ACTUALIZADA -> "actualizada: " + String.join(", ", s.changes().keySet());
                case SIN_CAMBIOS -> "sin cambios";
            });
        }
        return String.join("; ", parts);
    }
}
