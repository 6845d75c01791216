package cl.seguimientooc.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.mail.MailBoxPostProcessAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel marks every consumed message \Seen. After each poll this puts the unread state back on
 * messages the service did not take (ignored, failed, handed to a person) and on those whose
 * post-action keeps the read state, so staff still see them as new in their mail client.
 */
public final class SeenRestorer implements MailBoxPostProcessAction {

    private static final Logger LOG = LoggerFactory.getLogger(SeenRestorer.class);
    private final List<Message> pending = new ArrayList<>();

    public synchronized void restoreLater(Message message) {
        pending.add(message);
    }

    @Override
    public void process(Folder folder) {
        List<Message> mine = new ArrayList<>();
        synchronized (this) {
            pending.removeIf(m -> {
                if (m.getFolder() == folder) {
                    mine.add(m);
                    return true;
                }
                return false;
            });
        }
        for (Message m : mine) {
            try {
                m.setFlag(Flags.Flag.SEEN, false);
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("No se pudo dejar como no leído el mensaje {} de {}: {}", m.getMessageNumber(), folder.getFullName(),
                        e.getMessage());
            }
        }
    }
}
