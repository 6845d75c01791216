package cl.seguimientooc.mail;

import cl.seguimientooc.domain.SenderRules;
import cl.seguimientooc.extraction.ExtractionError;
import cl.seguimientooc.extraction.ExtractionResult;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.ProcessedMailStore;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.ReservationStore.Stored;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Decides what a claimed message is (confirmation, OC, other), reads its confirmation PDFs and
 * commits the processed-mail record and the reservations in one transaction. Knows nothing of
 * Camel or IMAP: the mail route and the {@code reprocess} command both call {@link #process}.
 */
public final class MailProcessor {

    /** What a mailbox is read for; a shared mailbox is read for both. */
    public record Roles(boolean confirmations, boolean ocs) {
    }

    /** What became of a message. {@code postAction} is true when the server-side post-action may run. */
    public record Result(long mailId, String kind, String outcome, String reason, String error,
                         List<Stored> reservations, boolean postAction) {
    }

    /** Where the message was read from on the server, when known. */
    public record ServerRef(Long uidValidity, Long uid) {
        public static final ServerRef NONE = new ServerRef(null, null);
    }

    private static final Pattern OC_HINT = Pattern.compile(
            "(?i)(orden(es)?\\s+de\\s+compra|purchase\\s+order|\\bO\\.?\\s?C\\.?(?=[\\s:#Nn°º-]|$))");

    /** PDFs read per message; a confirmation carries one or two. */
    static final int MAX_PDFS = 20;

    private final ExtractionAhead extractor;
    private final SenderRules senders;
    private final Db db;
    private final ProcessedMailStore mails;
    private final ReservationStore reservations;
    private final cl.seguimientooc.matching.OcIntake ocIntake;

    public MailProcessor(ExtractionAhead extractor, SenderRules senders, Db db, ProcessedMailStore mails,
                         ReservationStore reservations, cl.seguimientooc.matching.OcIntake ocIntake) {
        this.ocIntake = ocIntake;
        this.extractor = extractor;
        this.senders = senders;
        this.db = db;
        this.mails = mails;
        this.reservations = reservations;
    }

    public Result process(long mailId, Roles roles, MailContent mail, ServerRef server, String postAction) {
        return process(mailId, roles, mail, server, postAction, null);
    }

    /** {@code note}: something the reader noticed about the message itself, added to its reason (or null). */
    public Result process(long mailId, Roles roles, MailContent mail, ServerRef server, String postAction, String note) {
        List<Map<String, Object>> details = new ArrayList<>();
        List<Confirmation> confirmations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String kind;
        String reason = null;
        boolean keepRaw;

        List<MailContent.Attachment> pdfs = mail.pdfs();
        if (pdfs.size() > MAX_PDFS) {
            details.add(Map.of("resultado", "pdf_omitidos", "motivo", "el mensaje trae " + pdfs.size()
                    + " PDF; solo se leyeron los primeros " + MAX_PDFS));
            pdfs = pdfs.subList(0, MAX_PDFS);
        }
        boolean senderAllowed = senders.allows(mail.fromAddress());
        boolean attempted = false;
        if (roles.confirmations() && senderAllowed && !pdfs.isEmpty()) {
            for (MailContent.Attachment pdf : pdfs) {
                ExtractionResult result = extractor.extract(pdf.content());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("archivo", pdf.name());
                d.put("bytes", pdf.content().length);
                if (result.ok()) {
                    confirmations.add(new Confirmation(pdf, result));
                    d.put("resultado", "reserva");
                    d.put("id_reserva", result.reservation().reservationId());
                    if (!result.warnings().isEmpty()) {
                        d.put("advertencias", result.warnings());
                    }
                    attempted = true;
                } else if (result.error().code() == ExtractionError.Code.NO_LAYOUT) {
                    d.put("resultado", "formato_no_reconocido");
                    d.put("inicio_texto", result.error().textHead());
                } else {
                    // Recognised but incomplete, or unreadable: a confirmation that failed, for a person to see.
                    attempted = true;
                    d.put("resultado", "error");
                    d.put("error", result.error());
                    errors.add((pdf.name() == null ? "PDF" : pdf.name()) + ": " + result.error().message()
                            + missing(result.error()));
                }
                details.add(d);
            }
        }

        if (attempted) {
            kind = "confirmacion";
            keepRaw = !errors.isEmpty();
        } else if (roles.ocs() && looksLikeOc(mail, senderAllowed)) {
            kind = "oc"; // OC or a reply: OcIntake decides inside the transaction
            keepRaw = false;
        } else {
            kind = "otro";
            keepRaw = false;
            if (!roles.confirmations()) {
                reason = "no parece una OC: sin adjuntos, sin «orden de compra» ni «OC» en el asunto o el texto";
            } else if (!senderAllowed) {
                reason = "remitente no autorizado para confirmaciones (" + (mail.fromAddress() == null ? "sin remitente"
                        : mail.fromAddress()) + "); autorizados: " + String.join(", ", senders.rules());
            } else if (pdfs.isEmpty()) {
                reason = "sin PDF adjunto";
            } else {
                reason = "ningún PDF tiene un formato de confirmación reconocido (plantillas: "
                        + String.join(", ", extractor.layoutNames()) + ")";
                keepRaw = true; // a new layout template may read it later
            }
        }
        if (!mail.problems().isEmpty()) {
            keepRaw = true; // a fixed reader may get more out of it
            details.add(Map.of("resultado", "mime_danado", "problemas", mail.problems()));
            boolean damaged = mail.problems().stream().anyMatch(p -> !p.startsWith(MimeReader.CHARSET_NOTE));
            if (kind.equals("otro") && damaged) {
                errors.add("mensaje dañado: " + String.join("; ", mail.problems())
                        + ". Se guardó el original: pida al remitente que lo reenvíe, o reprocéselo tras corregir el lector");
            }
        }
        String error = errors.isEmpty() ? null : String.join("\n", errors);
        String[] decided = {kind, !errors.isEmpty() ? "error" : kind.equals("confirmacion") ? "procesado" : "ignorado", reason};
        boolean keep = keepRaw;

        List<Stored> stored = db.tx().execute(status -> {
            List<Stored> out = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Confirmation c : confirmations) {
                String sha = MailContent.sha256(c.pdf().content());
                long documentId = mails.saveDocument(sha, c.pdf().name(), c.pdf().content());
                out.add(reservations.store(c.result().reservation(), c.result().layout(), mailId, documentId, sha));
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
            if (decided[0].equals("oc") && ocIntake != null) {
                var oc = ocIntake.handle(mailId, mail);
                decided[0] = oc.kind();
                decided[1] = oc.outcome();
                decided[2] = oc.reason();
                details.add(oc.details());
            }
            String summary = decided[2];
            if (summary == null && !out.isEmpty()) {
                summary = describe(out);
            }
            if (note != null) {
                summary = (summary == null ? "" : summary + ". ") + note;
            }
            if (!mail.problems().isEmpty() && (!decided[0].equals("otro") || error == null)) {
                summary = (summary == null ? "" : summary + ". ") + "Partes del mensaje ilegibles: "
                        + String.join("; ", mail.problems());
            }
            mails.complete(new MapSqlParameterSource("id", mailId)
                    .addValue("messageId", mail.messageId()).addValue("uidValidity", server.uidValidity())
                    .addValue("uid", server.uid()).addValue("sender", mail.fromAddress())
                    .addValue("subject", mail.subject())
                    .addValue("sentAt", mail.sentAt() == null ? null : Timestamp.from(mail.sentAt()))
                    .addValue("inReplyTo", mail.inReplyTo()).addValue("references", mail.references())
                    .addValue("kind", decided[0]).addValue("outcome", decided[1]).addValue("reason", summary)
                    .addValue("error", error).addValue("details", Json.write(details))
                    // Everything not taken is kept whole, to be reprocessed or looked at; a taken confirmation
                    // keeps its PDF (document) and an OC its files instead.
                    .addValue("raw", keep || !decided[1].equals("procesado") ? mail.raw() : null)
                    .addValue("rawSha256", mail.rawSha256())
                    .addValue("postAction", postActionFor(decided) ? postAction : null));
            return out;
        });
        return new Result(mailId, decided[0], decided[1], decided[2], error, stored, postActionFor(decided));
    }

    /** Confirmations and OCs the service took are post-actioned; replies stay as they were, for a person. */
    private static boolean postActionFor(String[] decided) {
        return decided[1].equals("procesado") && (decided[0].equals("confirmacion") || decided[0].equals("oc"));
    }

    /** A message with attachments, an OC mention or replying to something, from a non-confirmation sender. */
    static boolean looksLikeOc(MailContent mail, boolean confirmationSender) {
        if (mail.inReplyTo() != null || mail.references() != null) {
            return true;
        }
        String subject = mail.subject() == null ? "" : mail.subject();
        if (OC_HINT.matcher(subject).find() || OC_HINT.matcher(mail.bodyText()).find()) {
            return true;
        }
        return !confirmationSender && !mail.attachments().isEmpty();
    }

    private static String missing(ExtractionError e) {
        if (e.missingFields() == null || e.missingFields().isEmpty()) {
            return "";
        }
        List<String> fields = e.missingFields().stream().map(f -> f.field() + " (" + f.reason() + ")").toList();
        return " — faltan: " + String.join(", ", fields);
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

    private record Confirmation(MailContent.Attachment pdf, ExtractionResult result) {
    }
}
