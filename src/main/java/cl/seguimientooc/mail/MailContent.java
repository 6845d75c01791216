package cl.seguimientooc.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

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
        boolean autoReply,
        List<String> problems) {

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

    /** The raw bytes of a fetched message (one FETCH when not prefetched). */
    public static byte[] rawBytes(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(8 << 20, Math.max(16 * 1024, message.getSize())));
        message.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Parses leniently and never throws: whatever cannot be read (an unknown charset, broken base64,
     * a malformed multipart, nesting too deep, too many parts) is listed in {@link #problems}.
     */
    public static MailContent parse(byte[] raw) {
        return MimeReader.read(raw);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
