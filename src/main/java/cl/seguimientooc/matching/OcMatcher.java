package cl.seguimientooc.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a purchase-order e-mail to its reservation through a cascade; each step records method,
 * confidence and evidence, and the first step with exactly one candidate wins, if its confidence
 * reaches the threshold. Several candidates at a step, or too little confidence, go to a person.
 * Pure: the {@link Catalog} answers which reservations a Message-ID, a code or a sender points to.
 *
 * <ol>
 *   <li>{@code hilo} (1.0): In-Reply-To / References carry the Message-ID of one of our e-mails;</li>
 *   <li>{@code asunto} (0.95): a reservation ID, LOC or localizador in the subject;</li>
 *   <li>{@code cuerpo} (0.9): the same in the body text or an attachment's file name;</li>
 *   <li>{@code pdf} (0.85): the same in the text of attached PDFs;</li>
 *   <li>{@code remitente} (0.6): the sender belongs to a client with exactly one open reservation.</li>
 * </ol>
 * Codes are whole tokens: no ID inside a longer number, no LOC inside a longer word.
 */
public final class OcMatcher {

    /** A reservation as the matcher sees it. */
    public record Ref(long id, String code, String loc, String localizador, String status) {
    }

    /** Where candidates come from (the database, in the service). */
    public interface Catalog {
        /** Reservations whose ladder e-mails carry one of these Message-IDs. */
        List<Ref> byMessageIds(Collection<String> messageIds);

        /** Reservations whose ID, LOC or localizador equals one of these tokens (LOC compared in upper case). */
        List<Ref> byCodes(Collection<String> tokens);

        /** Open reservations of the client this address (or its domain) belongs to. */
        List<Ref> openForSender(String address);
    }

    /** What the matcher was given. */
    public record OcMail(String sender, String subject, String body, List<String> attachmentNames, List<String> pdfTexts,
                         List<String> referencedMessageIds) {
    }

    /** One piece of evidence: where a code was seen. */
    public record Evidence(String method, String where, String token, long reservationId) {
    }

    /** The outcome: a match, or the candidates and why it went to a person. */
    public record Result(Ref match, String method, double confidence, List<Evidence> evidence, List<Ref> candidates,
                         String reason) {
        public boolean matched() {
            return match != null;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{5,12}(?![\\p{L}\\p{N}])");
    private static final Pattern WORD7 = Pattern.compile("(?<![\\p{L}\\p{N}])[\\p{L}]{7}(?![\\p{L}\\p{N}])");
    private static final Map<String, Double> CONFIDENCE = Map.of("hilo", 1.0, "asunto", 0.95, "cuerpo", 0.9, "pdf", 0.85,
            "remitente", 0.6);

    private final Catalog catalog;
    private final double threshold;

    public OcMatcher(Catalog catalog, double threshold) {
        this.catalog = catalog;
        this.threshold = threshold;
    }

    public Result match(OcMail mail) {
        List<Evidence> evidence = new ArrayList<>();
        if (mail.referencedMessageIds() != null && !mail.referencedMessageIds().isEmpty()) {
            List<Ref> refs = distinct(catalog.byMessageIds(mail.referencedMessageIds()));
            for (Ref r : refs) {
                evidence.add(new Evidence("hilo", "In-Reply-To/References", null, r.id()));
            }
            Result decided = decide("hilo", refs, evidence);
            if (decided != null) {
                return decided;
            }
        }
        Result r = byText("asunto", List.of(new Labeled("asunto", mail.subject())), evidence);
        if (r != null) {
            return r;
        }
        List<Labeled> bodyAndNames = new ArrayList<>();
        bodyAndNames.add(new Labeled("cuerpo", mail.body()));
        for (String name : mail.attachmentNames() == null ? List.<String>of() : mail.attachmentNames()) {
            bodyAndNames.add(new Labeled("adjunto " + name, name == null ? "" : name.replaceAll("\\.[A-Za-z0-9]{1,5}$", "")));
        }
        r = byText("cuerpo", bodyAndNames, evidence);
        if (r != null) {
            return r;
        }
        List<Labeled> pdfs = new ArrayList<>();
        int i = 1;
        for (String text : mail.pdfTexts() == null ? List.<String>of() : mail.pdfTexts()) {
            pdfs.add(new Labeled("pdf " + i++, text));
        }
        r = byText("pdf", pdfs, evidence);
        if (r != null) {
            return r;
        }
        if (mail.sender() != null && !mail.sender().isBlank()) {
            List<Ref> open = distinct(catalog.openForSender(mail.sender().strip().toLowerCase(Locale.ROOT)));
            for (Ref ref : open) {
                evidence.add(new Evidence("remitente", mail.sender(), null, ref.id()));
            }
            if (open.size() == 1) {
                return accept("remitente", open.get(0), evidence);
            }
            if (open.size() > 1) {
                return new Result(null, "remitente", CONFIDENCE.get("remitente"), evidence, open,
                        "el remitente pertenece a un cliente con " + open.size() + " reservas abiertas; falta el código");
            }
        }
        return new Result(null, null, 0, evidence, List.of(), "ningún código de reserva, respuesta ni remitente conocido");
    }

    private record Labeled(String where, String text) {
    }

    private Result byText(String method, List<Labeled> sources, List<Evidence> evidence) {
        Map<String, String> tokens = new LinkedHashMap<>(); // token -> where
        for (Labeled s : sources) {
            for (String t : tokens(s.text())) {
                tokens.putIfAbsent(t, s.where());
            }
        }
        if (tokens.isEmpty()) {
            return null;
        }
        List<Ref> found = distinct(catalog.byCodes(tokens.keySet()));
        for (Ref ref : found) {
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                if (t.getKey().equals(ref.code()) || t.getKey().equalsIgnoreCase(ref.loc())
                        || t.getKey().equals(ref.localizador())) {
                    evidence.add(new Evidence(method, t.getValue(), t.getKey(), ref.id()));
                }
            }
        }
        return decide(method, found, evidence);
    }

    private Result decide(String method, List<Ref> refs, List<Evidence> evidence) {
        if (refs.isEmpty()) {
            return null;
        }
        if (refs.size() > 1) {
            return new Result(null, method, CONFIDENCE.get(method), evidence, refs,
                    "varias reservas coinciden (" + method + "): " + refs.stream().map(Ref::code).toList());
        }
        return accept(method, refs.get(0), evidence);
    }

    private Result accept(String method, Ref ref, List<Evidence> evidence) {
        double confidence = CONFIDENCE.get(method);
        if (confidence < threshold) {
            return new Result(null, method, confidence, evidence, List.of(ref),
                    "confianza " + confidence + " bajo el umbral " + threshold + " (" + method + ")");
        }
        return new Result(ref, method, confidence, evidence, List.of(ref), null);
    }

    /** Candidate codes in a text: whole numbers of 5–12 digits and whole 7-letter words (upper-cased). */
    static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            out.add(n.group());
        }
        Matcher w = WORD7.matcher(text);
        while (w.find()) {
            out.add(w.group().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static List<Ref> distinct(List<Ref> refs) {
        Map<Long, Ref> byId = new LinkedHashMap<>();
        for (Ref r : refs) {
            byId.putIfAbsent(r.id(), r);
        }
        return new ArrayList<>(byId.values());
    }
}
