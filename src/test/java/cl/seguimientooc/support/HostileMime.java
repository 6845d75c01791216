package cl.seguimientooc.support;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

/**
 * Raw hostile messages, written byte by byte as a broken or malicious client would send them.
 * Each carries a marker (in the subject and the body) so a test can find its record.
 */
public final class HostileMime {

    private HostileMime() {
    }

    /** The raw text as a message GreenMail stores unchanged (it is appended as parsed, never rewritten). */
    public static MimeMessage message(String raw) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return new MimeMessage(Session.getInstance(p), new ByteArrayInputStream(raw.replace("\r\n", "\n")
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static String head(String subject, String from, boolean messageId) {
        return "From: " + from + "\n"
                + "To: buzon@agencia.cl\n"
                + "Date: Mon, 30 Nov 2026 10:00:00 -0300\n"
                + (messageId ? "Message-ID: <" + UUID.randomUUID() + "@hostil.test>\n" : "")
                + "Subject: " + subject + "\n"
                + "MIME-Version: 1.0\n";
    }

    /** Defect 6: no Message-ID and a subject in a charset nobody knows. */
    public static String noMessageIdUnknownCharsetSubject(String marker) {
        return head("=?x-no-such-charset?B?" + Base64.getEncoder().encodeToString("oferta".getBytes()) + "?=",
                "spam@hostil.test", false)
                + "Content-Type: text/plain; charset=x-no-such-charset\n\n" + marker + " compre ahora\n";
    }

    public static String unknownCharsetBody(String marker) {
        return head(marker, "alguien@hostil.test", true)
                + "Content-Type: text/plain; charset=x-klingon\n\n" + marker + " texto\n";
    }

    /** A PDF attachment whose base64 is cut and full of illegal characters. */
    public static String brokenBase64Pdf(String marker, String from) {
        return head(marker, from, true)
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain\n\n" + marker + "\n"
                + "--b1\nContent-Type: application/pdf; name=\"c.pdf\"\nContent-Disposition: attachment; filename=\"c.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK!!!@@@###\n$$$%%%^^^&&&***((\nAAA=BBB=\n--b1--\n";
    }

    /** multipart/mixed without its boundary parameter. */
    public static String multipartWithoutBoundary(String marker) {
        return head(marker, "alguien@hostil.test", true)
                + "Content-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\n" + marker + "\n--x--\n";
    }

    /** Multiparts nested {@code depth} levels deep, a text part at the bottom. */
    public static String nested(String marker, int depth) {
        StringBuilder b = new StringBuilder(head(marker, "alguien@hostil.test", true));
        b.append("Content-Type: multipart/mixed; boundary=\"n0\"\n\n");
        for (int i = 0; i < depth; i++) {
            b.append("--n").append(i).append("\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1).append("\"\n\n");
        }
        b.append("--n").append(depth).append("\nContent-Type: text/plain\n\n").append(marker).append("\n");
        for (int i = depth; i >= 0; i--) {
            b.append("--n").append(i).append("--\n");
        }
        return b.toString();
    }

    public static String manyAttachments(String marker, int count) {
        StringBuilder b = new StringBuilder(head(marker, "alguien@hostil.test", true));
        b.append("Content-Type: multipart/mixed; boundary=\"m\"\n\n--m\nContent-Type: text/plain\n\n").append(marker).append('\n');
        for (int i = 0; i < count; i++) {
            b.append("--m\nContent-Type: application/octet-stream; name=\"a").append(i)
                    .append(".bin\"\nContent-Disposition: attachment; filename=\"a").append(i).append(".bin\"\n\nx\n");
        }
        return b.append("--m--\n").toString();
    }

    /** An attachment name with an encoded CR/LF that would forge a log line if logged raw. */
    public static String crlfInFileName(String marker) {
        String name = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                "oc.pdf\r\n2026-11-30 10:00:00.000 INFO  [main] c.s.Falso - FORJADO".getBytes(StandardCharsets.UTF_8)) + "?=";
        return head(marker, "alguien@hostil.test", true)
                + "Content-Type: multipart/mixed; boundary=\"c\"\n\n--c\nContent-Type: text/plain; charset=x-bad\n\n" + marker + "\n"
                + "--c\nContent-Type: application/octet-stream; name=\"" + name + "\"\nContent-Disposition: attachment; filename=\""
                + name + "\"\n\nxx\n--c--\n";
    }

    /** Raw UTF-8 in headers (not RFC 2047 encoded) and a text part in an unknown charset. */
    public static String eightBitHeaders(String marker) {
        return head(marker + " Confirmación año ñandú", "José Pérez <jose@hostil.test>", true)
                + "Content-Type: text/plain; charset=x-unknown\n\n" + marker + " cuerpo\n";
    }
}
