package cl.seguimientooc.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A received message parsed once from its raw bytes: envelope, attachments and text. Works the same
 * for a message just fetched over IMAP and for one reloaded from the database to be reprocessed.
 */
public record MailContent(
        String messageId,
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        String inReplyTo,
        String references,
        List<Attachment> attachments,
        String bodyText,
        byte[] raw,
        String rawSha256,
        boolean deliveryReport,
        boolean autoReply) {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_BODY_CHARS = 100_000;
    private static final java.util.regex.Pattern AUTO_SUBJECT = java.util.regex.Pattern.compile(
            "(?i)(respuesta autom[aá]tica|automatic reply|auto(-| )?reply|out of (the )?office|fuera de (la )?oficina|ausente)");

    /** A file carried by the message, as an attachment or inline. */
    public record Attachment(String name, String contentType, byte[] content, boolean inline) {
        public boolean isPdf() {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            String n = name == null ? "" : name.toLowerCase(Locale.ROOT).strip();
            return type.startsWith("application/pdf") || type.startsWith("application/x-pdf") || n.endsWith(".pdf");
        }
    }

    /** The key a message is deduplicated on: its Message-ID, or the hash of its bytes when it has none. */
    public String dedupKey() {
        return messageId != null ? messageId : "sha256:" + rawSha256;
    }

    /** Message-IDs this message replies to (In-Reply-To and References). */
    public List<String> referencedIds() {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {inReplyTo, references}) {
            if (header != null) {
                var m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
                while (m.find()) {
                    if (!ids.contains(m.group())) {
                        ids.add(m.group());
                    }
                }
            }
        }
        return ids;
    }

    public List<Attachment> pdfs() {
        return attachments.stream().filter(Attachment::isPdf).toList();
    }

    public static MailContent read(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        message.writeTo(out);
        return parse(out.toByteArray());
    }

    public static MailContent parse(byte[] raw) throws IOException, MessagingException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String fromAddress = null;
        String fromName = null;
        try {
            var from = m.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress a) {
                fromAddress = a.getAddress() == null ? null : a.getAddress().strip().toLowerCase(Locale.ROOT);
                fromName = a.getPersonal();
            }
        } catch (AddressException e) {
            fromAddress = extractAddress(m.getHeader("From", ","));
        }
        List<Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        walk(m, attachments, text, 0);
        Instant sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
        String subject = decode(m.getSubject());
        boolean report = m.isMimeType("multipart/report") || (fromAddress != null
                && (fromAddress.startsWith("mailer-daemon@") || fromAddress.startsWith("postmaster@")));
        String autoSubmitted = m.getHeader("Auto-Submitted", ",");
        boolean auto = (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                || m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null
                || (subject != null && AUTO_SUBJECT.matcher(subject).find());
        return new MailContent(cleanId(m.getMessageID()), fromAddress, fromName, subject, sent,
                cleanId(m.getHeader("In-Reply-To", " ")), m.getHeader("References", " "), List.copyOf(attachments),
                text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text.toString(), raw, sha256(raw),
                report, auto);
    }

    private static void walk(Part part, List<Attachment> attachments, StringBuilder text, int depth)
            throws IOException, MessagingException {
        if (depth > 20) {
            return;
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, attachments, text, depth + 1);
                }
            }
            return;
        }
        if (type.equals("message/rfc822") && part.getContent() instanceof Message nested) {
            walk(nested, attachments, text, depth + 1); // forwarded confirmation: its PDF counts too
            return;
        }
        String name = fileName(part);
        String disposition = part.getDisposition();
        boolean isText = (type.equals("text/plain") || type.equals("text/html")) && name == null
                && !Part.ATTACHMENT.equalsIgnoreCase(disposition);
        if (isText) {
            if (text.length() < MAX_BODY_CHARS) {
                Object content = part.getContent();
                String s = content instanceof String str ? str : "";
                text.append(type.equals("text/html") ? htmlToText(s) : s).append('\n');
            }
            return;
        }
        try (InputStream in = part.getInputStream()) {
            attachments.add(new Attachment(name, type, in.readAllBytes(),
                    !Part.ATTACHMENT.equalsIgnoreCase(disposition)));
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "application/octet-stream"; // unparsable Content-Type: keep the part as a file
        }
    }

    /** File name from Content-Disposition or Content-Type, MIME-decoded (RFC 2047 and 2231). */
    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            name = null;
        }
        if (name == null) {
            try {
                name = new ContentType(part.getContentType()).getParameter("name");
            } catch (Exception e) {
                name = null;
            }
        }
        return name == null ? null : decode(name);
    }

    static String decode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(s).strip();
        } catch (Exception e) {
            return s.strip();
        }
    }

    private static String cleanId(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        return s.isEmpty() ? null : s;
    }

    private static String extractAddress(String header) {
        if (header == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("[\\w.+'-]+@[\\w.-]+").matcher(header);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    private static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replaceAll("[ \\t]+", " ");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
