package cl.seguimientooc.matching;

import cl.seguimientooc.domain.ReservationStatus;
import cl.seguimientooc.extraction.ExtractionException;
import cl.seguimientooc.extraction.PdfTextReader;
import cl.seguimientooc.mail.MailContent;
import cl.seguimientooc.matching.OcMatcher.OcMail;
import cl.seguimientooc.matching.OcMatcher.Ref;
import cl.seguimientooc.matching.OcMatcher.Result;
import cl.seguimientooc.store.ClientStore;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Json;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What happens to a message classified as OC mail: replies that are not OCs (bounces, automatic
 * replies, people writing back) are recorded on their reservation; an OC is matched, stored with its
 * files under {@code oc_files/}, and its reservation becomes {@code recibida}. Runs inside the
 * caller's transaction (the processed-mail record commits with it).
 */
public final class OcIntake {

    private static final SqlStatements SQL = SqlStatements.load("oc.sql");
    private static final Set<String> PUBLIC_DOMAINS = Set.of("gmail.com", "hotmail.com", "outlook.com", "live.com",
            "yahoo.com", "icloud.com", "hotmail.cl", "yahoo.es", "msn.com", "protonmail.com");

    /** What became of the message, for its processed-mail record. */
    public record Outcome(String kind, String outcome, String reason, Map<String, Object> details) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReservationStore reservations;
    private final OcMatcher matcher;
    private final PdfTextReader pdfReader;
    private final OcFileStore files;
    private final boolean acceptWithoutAttachment;
    private final cl.seguimientooc.domain.SenderRules trustedSenders;
    /** Told how many seconds each OC took (the time-to-OC metric). */
    private volatile java.util.function.DoubleConsumer receipts = seconds -> { };
    /** The outbox that queues notices to admins and acknowledgements (sent by the ladder route); null: none. */
    private final cl.seguimientooc.mailout.LadderClaims notices;
    private final boolean acknowledge;

    /**
     * {@code trustedSenders}: addresses or @domains whose OCs apply to any client's reservation
     * (OC_TRUSTED_SENDERS), besides each client's own contacts.
     */
    public OcIntake(Db db, ReservationStore reservations, double threshold, OcFiles files, boolean acceptWithoutAttachment,
                    List<String> trustedSenders, cl.seguimientooc.mailout.LadderClaims notices, boolean acknowledge) {
        this.notices = notices;
        this.acknowledge = acknowledge;
        this.jdbc = db.jdbc();
        this.reservations = reservations;
        this.matcher = new OcMatcher(new SqlCatalog(), threshold);
        this.pdfReader = new PdfTextReader(PdfTextReader.Limits.DEFAULT);
        this.files = new OcFileStore(db.jdbc(), files);
        this.acceptWithoutAttachment = acceptWithoutAttachment;
        this.trustedSenders = new cl.seguimientooc.domain.SenderRules(trustedSenders);
    }

    /** May an OC from this sender be applied to this reservation by itself; may the sender be answered. */
    record Trust(boolean apply, boolean contact, String clientName) {
    }

    Trust trust(long reservationId, String sender, boolean threaded) {
        String domain = sender != null && sender.contains("@") ? sender.substring(sender.indexOf('@') + 1) : null;
        Trust known = jdbc.queryForObject(SQL.get("sender_trust"), new MapSqlParameterSource("id", reservationId)
                .addValue("address", sender).addValue("domain", domain == null || PUBLIC_DOMAINS.contains(domain) ? null : domain),
                (rs, n) -> new Trust(false, rs.getBoolean("contact"), rs.getString("client_name")));
        boolean contact = sender != null && (known.contact() || (!trustedSenders.acceptsAnyone() && trustedSenders.allows(sender)));
        return new Trust(contact || threaded, contact, known.clientName());
    }

    private static String untrustedReason(String sender, Trust trust) {
        return "remitente no reconocido: " + (sender == null ? "sin remitente" : sender) + " no es contacto de "
                + (trust.clientName() == null ? "un cliente conocido" : trust.clientName())
                + " ni responde a un correo nuestro; revise la OC y asígnela a mano (o agregue el contacto al cliente)";
    }

    public Outcome handle(long mailId, MailContent mail) {
        List<MailContent.Attachment> files = mail.attachments().stream().filter(a -> !a.inline() || a.isPdf()).toList();
        List<String> pdfTexts = new ArrayList<>();
        for (MailContent.Attachment pdf : mail.pdfs()) {
            try {
                pdfTexts.add(pdfReader.read(pdf.content()).text());
            } catch (ExtractionException e) {
                // an unreadable PDF is still stored; its text just cannot help matching
            }
        }
        String ocNumber = firstNonNull(OcNumbers.find(mail.subject()), OcNumbers.find(mail.bodyText()),
                pdfTexts.stream().map(OcNumbers::find).filter(x -> x != null).findFirst().orElse(null));
        List<String> names = files.stream().map(MailContent.Attachment::name).filter(n -> n != null).toList();
        Result match = matcher.match(new OcMail(mail.fromAddress(), mail.subject(), mail.bodyText(), names, pdfTexts,
                mail.referencedIds()));

        boolean looksLikeOc = !files.isEmpty() || (acceptWithoutAttachment && ocNumber != null);
        if (mail.deliveryReport() || mail.autoReply() || !looksLikeOc) {
            return reply(mail, match, ocNumber);
        }

        Set<String> tokens = new LinkedHashSet<>(OcMatcher.tokens(mail.subject()));
        tokens.addAll(OcMatcher.tokens(mail.bodyText()));
        names.forEach(n -> tokens.addAll(OcMatcher.tokens(n)));
        pdfTexts.forEach(t -> tokens.addAll(OcMatcher.tokens(t)));
        Ref ref = match.match();
        String reason = match.reason();
        List<Ref> candidates = match.candidates();
        Trust trust = null;
        if (ref != null) {
            trust = trust(ref.id(), mail.fromAddress(), "hilo".equals(match.method()));
            if (!trust.apply()) { // anyone can write a reservation code in a subject
                reason = untrustedReason(mail.fromAddress(), trust);
                candidates = List.of(ref);
                ref = null;
            }
        }
        long poId = jdbc.queryForObject(SQL.get("insert"), new MapSqlParameterSource("reservationId", ref == null ? null : ref.id())
                .addValue("status", ref == null ? "sin_asignar" : "asignada").addValue("ocNumber", ocNumber)
                .addValue("sender", mail.fromAddress()).addValue("subject", mail.subject())
                .addValue("sentAt", mail.sentAt() == null ? null : Timestamp.from(mail.sentAt()))
                .addValue("messageId", mail.messageId()).addValue("mailId", mailId).addValue("method", match.method())
                .addValue("confidence", match.method() == null ? null : match.confidence())
                .addValue("evidence", Json.write(match.evidence())).addValue("candidates", Json.write(candidates))
                .addValue("tokens", ClientStore.arrayLiteral(new ArrayList<>(tokens))).addValue("reason", reason),
                Long.class);
        List<String> stored = new ArrayList<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MailContent.Attachment a = files.get(i);
            String refusal = this.files.refusal(i, a);
            if (refusal != null) {
                skipped.add(Map.of("archivo", a.name() == null ? "(sin nombre)" : a.name(), "motivo", refusal));
                continue;
            }
            stored.add(this.files.store(poId, i, a));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orden_compra_id", poId);
        details.put("numero_oc", ocNumber);
        details.put("archivos", stored);
        String skippedNote = "";
        if (!skipped.isEmpty()) {
            details.put("archivos_no_guardados", skipped);
            skippedNote = "; " + skipped.size() + " archivo(s) no guardado(s): " + skipped.get(0).get("motivo")
                    + " (el correo original queda guardado)";
        }
        if (ref == null) {
            details.put("candidatos", candidates.stream().map(Ref::code).toList());
            return new Outcome("oc", "procesado", "OC sin asignar: " + reason + skippedNote, details);
        }
        String effect = receive(ref.id(), poId, match.method(), match.confidence(), ocNumber, "sistema");
        if (trust.contact()) {
            if (acknowledge && notices != null) {
                notices.acknowledgement(ref.id(), mail.fromAddress());
            } // only known contacts get guest data back
        }
        details.put("id_reserva", ref.code());
        return new Outcome("oc", "procesado", "OC asignada a la reserva " + ref.code() + " (" + match.method() + "): " + effect
                + skippedNote, details);
    }

    /**
     * Applies an OC to a reservation: {@code pendiente}, {@code sin_contacto}, {@code revision} and
     * {@code suspendida} become {@code recibida}; an already received one just gets the document.
     */
    public String receive(long reservationId, long poId, String method, double confidence, String ocNumber, String actor) {
        ReservationStatus status = ReservationStatus.fromCode(jdbc.queryForObject(SQL.get("lock_reservation"),
                Map.of("id", reservationId), (rs, n) -> rs.getString("status")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orden_compra_id", poId);
        details.put("numero_oc", ocNumber);
        details.put("metodo", method);
        details.put("confianza", confidence);
        if (status == ReservationStatus.RECIBIDA || !status.canBecome(ReservationStatus.RECIBIDA)) {
            reservations.audit(actor, "oc_adicional", reservationId, details);
            return status == ReservationStatus.RECIBIDA ? "documento adicional (ya recibida)"
                    : "documento guardado; la reserva está " + status.code();
        }
        status.checkTransition(ReservationStatus.RECIBIDA);
        receipts.accept(jdbc.queryForObject(SQL.get("receive"), Map.of("id", reservationId, "reason", "OC recibida"
                + (ocNumber == null ? "" : " (" + ocNumber + ")")), Double.class));
        details.put("antes", status.code());
        reservations.audit(actor, "oc_recibida", reservationId, details);
        if (status == ReservationStatus.SUSPENDIDA) {
            if (notices != null) {
                notices.adminNotice(reservationId, "aviso_oc_suspendida");
            } // it can be reinstated
        }
        return status == ReservationStatus.SUSPENDIDA ? "recibida; estaba suspendida: puede reactivarse" : "recibida";
    }

    /** An OC waiting in the queue: the codes it mentions, its number, who sent it. */
    private record Waiting(List<String> tokens, String ocNumber, String sender) {
    }

    public void onReceipt(java.util.function.DoubleConsumer receipts) {
        this.receipts = receipts;
    }

    /** Where this intake keeps OC files (also for a file a person attaches on the dashboard). */
    public OcFileStore files() {
        return files;
    }

    /** Tries the waiting OCs again after new reservations appeared (an OC that came first). */
    public int matchWaiting(Collection<String> codes) {
        if (codes.isEmpty()) {
            return 0;
        }
        int assigned = 0;
        for (long poId : jdbc.queryForList(SQL.get("unassigned_for_tokens"),
                Map.of("tokens", ClientStore.arrayLiteral(new ArrayList<>(codes))), Long.class)) {
            Waiting po = jdbc.queryForObject(SQL.get("po_tokens"), Map.of("id", poId), (rs, n) -> new Waiting(
                    cl.seguimientooc.store.SqlArrays.strings(rs.getArray("tokens")), rs.getString("oc_number"), rs.getString("sender")));
            List<String> tokens = po.tokens();
            List<Ref> refs = new SqlCatalog().byCodes(tokens);
            if (refs.size() == 1) {
                Trust trust = trust(refs.get(0).id(), po.sender(), false);
                if (!trust.apply()) {
                    jdbc.update(SQL.get("untrusted"), Map.of("id", poId, "candidates", Json.write(refs),
                            "reason", untrustedReason(po.sender(), trust)));
                    continue;
                }
                jdbc.update(SQL.get("assign"), Map.of("id", poId, "reservationId", refs.get(0).id(), "method", "codigo_posterior",
                        "confidence", 0.9));
                receive(refs.get(0).id(), poId, "codigo_posterior", 0.9, po.ocNumber(), "sistema");
                assigned++;
            }
        }
        return assigned;
    }

    private Outcome reply(MailContent mail, Result match, String ocNumber) {
        String type = mail.deliveryReport() ? "rebote" : mail.autoReply() ? "respuesta_automatica" : "respuesta";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tipo_respuesta", type);
        Ref ref = match.match();
        if (ref == null) {
            return new Outcome("respuesta", "ignorado", switch (type) {
                case "rebote" -> "aviso de no entrega que no corresponde a ninguna reserva";
                case "respuesta_automatica" -> "respuesta automática que no corresponde a ninguna reserva";
                default -> "sin adjuntos ni número de OC, y no responde a un correo nuestro";
            }, details);
        }
        details.put("id_reserva", ref.code());
        Map<String, Object> audit = new LinkedHashMap<>(details);
        audit.put("asunto", mail.subject());
        audit.put("remitente", mail.fromAddress());
        reservations.audit("sistema", "respuesta_recibida", ref.id(), audit);
        if (type.equals("rebote")) {
            jdbc.update(SQL.get("pause"), Map.of("id", ref.id(), "reason",
                    "correo rebotado: revise el contacto del cliente; la escalera quedó en pausa"));
            return new Outcome("respuesta", "procesado", "rebote de la reserva " + ref.code() + ": escalera en pausa", details);
        }
        if (type.equals("respuesta")) {
            jdbc.update(SQL.get("attention"), Map.of("id", ref.id(), "attention", "el cliente respondió sin OC: lea su mensaje"));
        }
        String label = type.equals("respuesta_automatica") ? "respuesta automática" : "respuesta del cliente";
        return new Outcome("respuesta", "procesado", label + " de la reserva " + ref.code()
                + (ocNumber != null ? " (menciona la OC " + ocNumber + " sin adjuntarla)" : ""), details);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The matcher's questions answered by PostgreSQL. */
    private final class SqlCatalog implements OcMatcher.Catalog {
        @Override
        public List<Ref> byMessageIds(Collection<String> ids) {
            return refs(SQL.get("by_message_ids"), new MapSqlParameterSource("ids", ClientStore.arrayLiteral(new ArrayList<>(ids))));
        }

        @Override
        public List<Ref> byCodes(Collection<String> tokens) {
            List<String> upper = tokens.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
            return refs(SQL.get("by_codes"), new MapSqlParameterSource("tokens", ClientStore.arrayLiteral(upper)));
        }

        @Override
        public List<Ref> openForSender(String address) {
            String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : null;
            return refs(SQL.get("open_for_sender"), new MapSqlParameterSource("address", address)
                    .addValue("domain", domain == null || PUBLIC_DOMAINS.contains(domain) ? null : domain));
        }

        private List<Ref> refs(String sql, MapSqlParameterSource p) {
            return jdbc.query(sql, p, (rs, n) -> new Ref(rs.getLong("id"), rs.getString("reservation_code"),
                    rs.getString("loc_interno"), rs.getString("localizador"), rs.getString("status")));
        }
    }
}
