package cl.seguimientooc.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.camel.component.mail.MailConfiguration;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;

/**
 * The key a message is deduplicated on, computed from its headers before the body is fetched:
 * mailbox plus Message-ID; only a message without Message-ID is fetched whole to hash it.
 * On the first message of each poll the Message-ID, flags and UID of every message in the search
 * window are fetched in one IMAP command, instead of a round trip per message.
 */
public final class MailKeys implements MailUidGenerator {

    /** Upper bound of message bytes fetched ahead in one poll. */
    static final long PREFETCH_BYTES = 32L * 1024 * 1024;

    private final RecentMessages polls;
    private final ProcessedMailRepository handled;
    private final Map<Folder, Long> prefetched = new WeakHashMap<>();

    private final ExtractionAhead ahead;

    public MailKeys(RecentMessages polls, ProcessedMailRepository handled, ExtractionAhead ahead) {
        this.polls = polls;
        this.handled = handled;
        this.ahead = ahead;
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        MailConfiguration c = endpoint.getConfiguration();
        String mailbox = MailboxIds.of(c.getUsername(), c.getHost(), c.getFolderName());
        try {
            prefetch(endpoint, mailbox, message.getFolder());
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

    private void prefetch(MailEndpoint endpoint, String mailbox, Folder folder) throws MessagingException {
        if (folder == null || !folder.isOpen()) {
            return;
        }
        long poll = polls.pollCount();
        synchronized (prefetched) {
            if (Long.valueOf(poll).equals(prefetched.get(folder))) {
                return;
            }
            prefetched.put(folder, poll);
        }
        SearchTerm term = endpoint.getSearchTerm();
        Message[] window = term == null ? folder.getMessages() : folder.search(term);
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add("Message-ID");
        if (folder instanceof UIDFolder) {
            profile.add(UIDFolder.FetchProfileItem.UID);
        }
        folder.fetch(window, profile);
        // Camel copies every header and the envelope of each message it takes: fetch them in bulk
        // too, but only for messages not handled yet.
        java.util.List<Message> fresh = new java.util.ArrayList<>();
        int limit = endpoint.getMaxMessagesPerPoll() > 0 ? endpoint.getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        for (Message m : window) {
            if (fresh.size() >= limit) {
                break; // the consumer takes no more than this per poll
            }
            String[] ids = m.getHeader("Message-ID");
            if (ids == null || ids.length == 0 || !handled.contains(MailboxIds.compose(mailbox, ids[0].strip().replace(' ', '_')))) {
                fresh.add(m);
            }
        }
        if (!fresh.isEmpty()) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (Message m : fresh) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
                    keys.add(ids[0].strip().replace(' ', '_'));
                }
            }
            handled.claimAll(mailbox, keys);
            FetchProfile headers = new FetchProfile();
            headers.add(FetchProfile.Item.ENVELOPE);
            headers.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.HEADERS);
            folder.fetch(fresh.toArray(Message[]::new), headers);
            // Whole messages too, in one command, as long as they fit a memory budget; larger ones
            // are fetched one by one when processed.
            java.util.List<Message> bodies = new java.util.ArrayList<>();
            long bytes = 0;
            for (Message m : fresh) {
                int size = Math.max(0, m.getSize());
                if (bytes + size > PREFETCH_BYTES) {
                    break;
                }
                bytes += size;
                bodies.add(m);
            }
            if (!bodies.isEmpty()) {
                FetchProfile whole = new FetchProfile();
                whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(bodies.toArray(Message[]::new), whole);
                for (Message m : bodies) {
                    try {
                        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(Math.max(1024, m.getSize()));
                        m.writeTo(raw); // from the cache just filled: no round trip
                        ahead.readAhead(raw.toByteArray());
                    } catch (IOException | MessagingException e) {
                        // read later by the route, which reports any problem
                    }
                }
            }
        }
    }

    /** Jakarta Mail settings for the mailbox routes: a message body in one FETCH, not 16 KiB pieces. */
    public static java.util.Properties javaMailProperties() {
        java.util.Properties p = new java.util.Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            p.setProperty("mail." + protocol + ".partialfetch", "false");
        }
        return p;
    }
}
