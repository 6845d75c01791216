package cl.seguimientooc.mailout;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Properties;

/** Builds the MIME message of an outbox e-mail: our recorded Message-ID, UTF-8 headers, text and HTML alternatives. */
final class MimeBuilder {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeBuilder() {
    }

    static MimeMessage build(Outgoing e, String subject, String html, String text) throws MessagingException {
        String messageId = e.messageId();
        MimeMessage m = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // the one recorded in the ledger, for threading replies
            }
        };
        InternetAddress from = new InternetAddress(e.from());
        if (from.getPersonal() != null) {
            try {
                from.setPersonal(from.getPersonal(), "UTF-8"); // encoded for the wire: "Administración"
            } catch (java.io.UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, addresses(e.to()));
        if (!e.cc().isEmpty()) {
            m.setRecipients(Message.RecipientType.CC, addresses(e.cc()));
        }
        if (e.replyTo() != null) {
            m.setReplyTo(addresses(List.of(e.replyTo())));
        }
        m.setSubject(subject, "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        m.setContent(alternative);
        m.setSentDate(new java.util.Date());
        m.saveChanges();
        return m;
    }

    private static InternetAddress[] addresses(List<String> list) throws AddressException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }
}
