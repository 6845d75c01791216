package cl.seguimientooc.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads a raw message leniently: an unknown charset, broken base64, a malformed multipart, deep
 * nesting or a flood of parts never make it fail. What could not be read is listed as problems, in
 * Spanish, and the rest of the message is still used; the caller keeps the raw bytes.
 */
final class MimeReader {

    /** Deeper MIME nesting is not walked (a real confirmation is 2–4 levels deep). */
    static final int MAX_DEPTH = 20;
    /** Files kept per message; the rest are listed as a problem. */
    static final int MAX_ATTACHMENTS = 100;
    static final int MAX_BODY_CHARS = 100_000;
    /** A text read with a fallback charset: noted, but the message is not damaged. */
    static final String CHARSET_NOTE = "juego de caracteres desconocido en el texto";

    private static final Session SESSION;
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "(?i)(respuesta autom[aá]tica|automatic reply|auto(-| )?reply|out of (the )?office|fuera de (la )?oficina|ausente)");
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w.-]+");

    static {
        lenientDecoding();
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true"); // 8-bit (UTF-8) headers, as sent by many servers
        SESSION = Session.getInstance(p);
    }

    private MimeReader() {
    }

    /** Jakarta Mail's own leniency switches; read when its decoder classes load, so set them early. */
    static void lenientDecoding() {
        System.setProperty("mail.mime.base64.ignoreerrors", "true");
        System.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        System.setProperty("mail.mime.decodetext.strict", "false");
        System.setProperty("mail.mime.parameters.strict", "false");
        System.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        System.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        System.setProperty("mail.mime.multipart.allowempty", "true");
    }

    static MailContent read(byte[] raw) {
        List<String> problems = new ArrayList<>();
        List<MailContent.Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String sha = MailContent.sha256(raw);
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (Exception e) {
            problems.add("no se pudieron leer los encabezados del mensaje: " + describe(e));
            return new MailContent(null, null, null, null, null, null, null, List.of(), "", raw, sha, false, false,
                    List.copyOf(problems));
        }
        String fromAddress = null;
        String fromName = null;
        try {
            var from = m.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress a) {
                fromAddress = a.getAddress() == null ? null : a.getAddress().strip().toLowerCase(Locale.ROOT);
                fromName = a.getPersonal();
            }
        } catch (Exception e) {
            fromAddress = extractAddress(header(m, "From", ","));
        }
        walk(m, attachments, text, 0, problems);
        Instant sent = null;
        try {
            sent = m.getSentDate() == null ? null : m.getSentDate().toInstant();
        } catch (Exception e) {
            problems.add("fecha (Date:) ilegible");
        }
        String subject = decode(header(m, "Subject", " "));
        String contentType = header(m, "Content-Type", " ");
        boolean report = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")
                || (fromAddress != null && (fromAddress.startsWith("mailer-daemon@") || fromAddress.startsWith("postmaster@")));
        String autoSubmitted = header(m, "Auto-Submitted", ",");
        boolean auto = (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no"))
                || header(m, "X-Autoreply", ",") != null || header(m, "X-Autorespond", ",") != null
                || (subject != null && AUTO_SUBJECT.matcher(subject).find());
        String body = text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text.toString();
        return new MailContent(cleanId(header(m, "Message-ID", " ")), fromAddress, oneLine(fromName), oneLine(subject), sent,
                oneLine(header(m, "In-Reply-To", " ")), oneLine(header(m, "References", " ")), List.copyOf(attachments),
                body, raw, sha, report, auto, List.copyOf(problems));
    }

    private static void walk(Part part, List<MailContent.Attachment> attachments, StringBuilder text, int depth,
                             List<String> problems) {
        if (depth > MAX_DEPTH) {
            addOnce(problems, "anidamiento MIME de más de " + MAX_DEPTH + " niveles: no se leyeron las partes más profundas");
            return;
        }
        String type = baseType(part);
        try {
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    for (int i = 0; i < mp.getCount(); i++) {
                        BodyPart child;
                        try {
                            child = mp.getBodyPart(i);
                        } catch (Exception e) {
                            problems.add("parte " + (i + 1) + " de un multipart ilegible: " + describe(e));
                            continue;
                        }
                        walk(child, attachments, text, depth + 1, problems);
                    }
                }
                return;
            }
            if (type.equals("message/rfc822")) {
                Object content = part.getContent();
                if (content instanceof Message nested) {
                    walk(nested, attachments, text, depth + 1, problems); // forwarded confirmation: its PDF counts too
                    return;
                }
            }
            String name = fileName(part);
            String disposition = disposition(part);
            boolean isText = (type.equals("text/plain") || type.equals("text/html")) && name == null
                    && !Part.ATTACHMENT.equalsIgnoreCase(disposition);
            if (isText) {
                if (text.length() < MAX_BODY_CHARS) {
                    String s = textOf(part, problems);
                    text.append(type.equals("text/html") ? htmlToText(s) : s).append('\n');
                }
                return;
            }
            if (attachments.size() >= MAX_ATTACHMENTS) {
                addOnce(problems, "más de " + MAX_ATTACHMENTS + " archivos adjuntos: solo se leyeron los primeros "
                        + MAX_ATTACHMENTS);
                return;
            }
            try (InputStream in = part.getInputStream()) {
                attachments.add(new MailContent.Attachment(name, type, in.readAllBytes(),
                        !Part.ATTACHMENT.equalsIgnoreCase(disposition)));
            }
        } catch (Exception e) {
            problems.add("parte " + type + " ilegible (nivel " + depth + "): " + describe(e));
        }
    }

    /** A text part's content; an unknown or wrong charset falls back to UTF-8, then Windows-1252. */
    private static String textOf(Part part, List<String> problems) throws Exception {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            addOnce(problems, CHARSET_NOTE + " (" + oneLine(e.getMessage())
                    + "); se leyó como UTF-8/Windows-1252");
        }
        try (InputStream in = part.getInputStream()) {
            return lenientText(in.readAllBytes());
        }
    }

    static String lenientText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String header(MimeMessage m, String name, String delimiter) {
        try {
            return m.getHeader(name, delimiter);
        } catch (Exception e) {
            return null;
        }
    }

    private static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return "application/octet-stream"; // unparsable Content-Type: keep the part as a file
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }

    /** File name from Content-Disposition or Content-Type, MIME-decoded (RFC 2047 and 2231). */
    private static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (Exception e) {
            name = null;
        }
        if (name == null) {
            try {
                name = new ContentType(part.getContentType()).getParameter("name");
            } catch (Exception e) {
                name = null;
            }
        }
        return name == null ? null : oneLine(decode(name));
    }

    /** RFC 2047 decoding; an unknown charset keeps the encoded text rather than failing. */
    static String decode(String s) {
        if (s == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(s)).strip();
        } catch (Exception e) {
            return s.strip();
        }
    }

    /** Header values go into logs, the database and e-mails: no line breaks or control characters. */
    static String oneLine(String s) {
        return s == null ? null : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    private static String cleanId(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip().replaceAll("\\s", "_");
        return s.isEmpty() ? null : MailKeys.messageIdKey(s);
    }

    private static String extractAddress(String header) {
        if (header == null) {
            return null;
        }
        var m = ADDRESS.matcher(header);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    private static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>", "\n")
                .replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replaceAll("[ \\t]+", " ");
    }

    private static void addOnce(List<String> problems, String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        return oneLine(e.getClass().getSimpleName() + (msg == null ? "" : ": " + (msg.length() > 200 ? msg.substring(0, 200) : msg)));
    }
}
