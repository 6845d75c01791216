package cl.seguimientooc.mail;

import cl.seguimientooc.domain.SenderRules;
import cl.seguimientooc.extraction.ExtractionError;
import cl.seguimientooc.extraction.ExtractionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "classify" and "PDF text" steps of the mailbox route: what a message looks like (a
 * confirmation candidate, an OC, something else) and, for a candidate, what its PDFs say. Pure
 * decisions plus the extraction; nothing is stored here.
 */
public final class MailTriage {

    /** A message read from a mailbox, with its processed-mail record. */
    public record Incoming(long mailId, MailProcessor.Roles roles, MailContent mail, MailProcessor.ServerRef server, String note) {
    }

    /** A confirmation PDF and what the extractor read from it. */
    public record Confirmation(MailContent.Attachment pdf, ExtractionResult result) {
    }

    /**
     * What a message is: {@code kind} is confirmacion, oc or otro; {@code details}, {@code errors}
     * and {@code keepRaw} go to its processed-mail record.
     */
    public record Triage(Incoming in, String kind, String reason, List<Confirmation> confirmations,
                         List<Map<String, Object>> details, List<String> errors, boolean keepRaw) {
        Triage as(String newKind, String newReason, boolean keep) {
            return new Triage(in, newKind, newReason, confirmations, details, errors, keep);
        }
    }

    public static final String CONFIRMATION = "confirmacion";
    public static final String OC = "oc";
    public static final String OTHER = "otro";

    private static final Pattern OC_HINT = Pattern.compile(
            "(?i)(orden(es)?\\s+de\\s+compra|purchase\\s+order|\\bO\\.?\\s?C\\.?(?=[\\s:#Nn°º-]|$))");
    /** PDFs read per message; a confirmation carries one or two. */
    static final int MAX_PDFS = 20;

    private final ExtractionAhead extractor;
    private final SenderRules senders;

    public MailTriage(ExtractionAhead extractor, SenderRules senders) {
        this.extractor = extractor;
        this.senders = senders;
    }

    /** Classifies before reading PDFs: PDFs from an allowed sender are a confirmation candidate. */
    public Triage classify(Incoming in) {
        MailContent mail = in.mail();
        List<Map<String, Object>> details = new ArrayList<>();
        if (in.roles().confirmations() && senders.allows(mail.fromAddress()) && !mail.pdfs().isEmpty()) {
            return new Triage(in, CONFIRMATION, null, List.of(), details, new ArrayList<>(), false);
        }
        return otherKinds(new Triage(in, OTHER, null, List.of(), details, new ArrayList<>(), false), false);
    }

    /**
     * The PDF text step for a candidate: every PDF through the extractor (already started by the
     * read-ahead). With no PDF in a confirmation layout, the message is classified as if it had none.
     */
    public Triage readPdfs(Triage t) {
        List<MailContent.Attachment> pdfs = t.in().mail().pdfs();
        List<Map<String, Object>> details = new ArrayList<>(t.details());
        if (pdfs.size() > MAX_PDFS) {
            details.add(Map.of("resultado", "pdf_omitidos", "motivo", "el mensaje trae " + pdfs.size()
                    + " PDF; solo se leyeron los primeros " + MAX_PDFS));
            pdfs = pdfs.subList(0, MAX_PDFS);
        }
        List<Confirmation> confirmations = new ArrayList<>();
        List<String> errors = new ArrayList<>(t.errors());
        boolean attempted = false;
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
                errors.add((pdf.name() == null ? "PDF" : pdf.name()) + ": " + result.error().message() + missing(result.error()));
            }
            details.add(d);
        }
        Triage read = new Triage(t.in(), CONFIRMATION, null, confirmations, details, errors, !errors.isEmpty());
        return attempted ? damaged(read) : otherKinds(read, true);
    }

    /** An OC (or a reply) when the mailbox is read for OCs and it looks like one; else "otro" with the reason. */
    private Triage otherKinds(Triage t, boolean pdfsRead) {
        MailContent mail = t.in().mail();
        boolean senderAllowed = senders.allows(mail.fromAddress());
        if (t.in().roles().ocs() && looksLikeOc(mail, senderAllowed)) {
            return damaged(t.as(OC, null, false)); // OC or a reply: OcIntake decides inside the transaction
        }
        String reason;
        boolean keep = false;
        if (!t.in().roles().confirmations()) {
            reason = "no parece una OC: sin adjuntos, sin «orden de compra» ni «OC» en el asunto o el texto";
        } else if (!senderAllowed) {
            reason = "remitente no autorizado para confirmaciones (" + (mail.fromAddress() == null ? "sin remitente"
                    : mail.fromAddress()) + "); autorizados: " + String.join(", ", senders.rules());
        } else if (!pdfsRead) {
            reason = "sin PDF adjunto";
        } else {
            reason = "ningún PDF tiene un formato de confirmación reconocido (plantillas: "
                    + String.join(", ", extractor.layoutNames()) + ")";
            keep = true; // a new layout template may read it later
        }
        return damaged(t.as(OTHER, reason, keep));
    }

    /** Unreadable MIME parts are noted, the original kept, and a damaged message that is nothing else is an error. */
    private static Triage damaged(Triage t) {
        MailContent mail = t.in().mail();
        if (mail.problems().isEmpty()) {
            return t;
        }
        t.details().add(Map.of("resultado", "mime_danado", "problemas", mail.problems()));
        boolean damaged = mail.problems().stream().anyMatch(p -> !p.startsWith(MimeReader.CHARSET_NOTE));
        if (t.kind().equals(OTHER) && damaged) {
            t.errors().add("mensaje dañado: " + String.join("; ", mail.problems())
                    + ". Se guardó el original: pida al remitente que lo reenvíe, o reprocéselo tras corregir el lector");
        }
        return t.as(t.kind(), t.reason(), true); // a fixed reader may get more out of it
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
}
