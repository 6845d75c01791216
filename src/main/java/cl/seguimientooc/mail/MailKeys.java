package cl.seguimientooc.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;

/**
 * The key a message is deduplicated on, computed from its headers before the body is fetched:
 * mailbox plus Message-ID; only a message without Message-ID is fetched whole to hash it.
 */
public final class MailKeys implements MailUidGenerator {

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        MailConfiguration c = endpoint.getConfiguration();
        String mailbox = MailboxIds.of(c.getUsername(), c.getHost(), c.getFolderName());
        try {
            String[] ids = message.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
                return MailboxIds.compose(mailbox, ids[0].strip().replace(' ', '_'));
            }
            return MailboxIds.compose(mailbox, MailContent.read(message).dedupKey());
        } catch (MessagingException | IOException e) {
            // Unreadable headers: fail this poll; the consumer logs it and the next poll tries again.
            throw new IllegalStateException("no se pudo leer el encabezado Message-ID: " + e.getMessage(), e);
        }
    }
}
