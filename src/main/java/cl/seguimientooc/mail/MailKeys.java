package cl.seguimientooc.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailKeys.class);
    /** Longer Message-IDs are keyed by their hash (a B-tree key must stay small). */
    static final int MAX_ID_CHARS = 250;
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
        } catch (MessagingException | RuntimeException e) {
            // the bulk fetch is an optimisation: each message is still read on its own
            LOG.warn("Lectura anticipada de {} falló ({}); se sigue mensaje por mensaje", mailbox, e.getMessage());
        }
        String key = keyOf(message);
        if (!key.startsWith("sha256:") && !key.startsWith("uid:") && !key.startsWith("num:")) {
            key = variant(mailbox, key, message);
        }
        return MailboxIds.compose(mailbox, key);
    }

    /**
     * A Message-ID already handled with another Date header belongs to another message (a sender
     * reusing ids, or a forged one): it gets a key of its own ({@code id#date-hash}) and is processed,
     * instead of being skipped as the first one. A re-delivery of the same message has its Date.
     */
    private String variant(String mailbox, String key, Message message) {
        String date = dateOf(message);
        String known = handled.handledDate(MailboxIds.compose(mailbox, key));
        String chosen = known != null && !known.isEmpty() && !date.isEmpty() && !known.equals(date)
                ? key + "#" + MailContent.sha256(date.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12) : key;
        handled.noteDate(MailboxIds.compose(mailbox, chosen), date);
        return chosen;
    }

    /** A key made by {@link #variant}: the Message-ID of an earlier, different message. */
    static boolean isVariant(String key) {
        return !key.startsWith("sha256:") && key.matches(".*#[0-9a-f]{12}$");
    }

    /** The Date header as sent, unfolded, printable and bounded ("" when absent or unreadable). */
    static String dateOf(Message message) {
        try {
            String[] d = message.getHeader("Date");
            if (d == null || d.length == 0) {
                return "";
            }
            String v = d[0].replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            return v.length() > 100 ? v.substring(0, 100) : v;
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The dedup key of one message. Never throws for a message's content: a message whose headers
     * cannot be read is keyed by the hash of its bytes, and one that cannot even be fetched by its
     * UID, so one bad message never stops a mailbox. Only a lost connection fails (the poll retries).
     */
    static String keyOf(Message message) {
        String id = null;
        try {
            id = messageIdKey(message.getHeader("Message-ID"));
        } catch (MessagingException | RuntimeException e) {
            failIfDisconnected(message, e);
        }
        if (id != null) {
            return id;
        }
        try {
            return "sha256:" + MailContent.sha256(MailContent.rawBytes(message));
        } catch (IOException | MessagingException | RuntimeException e) {
            failIfDisconnected(message, e);
        }
        try {
            if (message.getFolder() instanceof UIDFolder uf) {
                return "uid:" + uf.getUIDValidity() + ":" + uf.getUID(message);
            }
        } catch (MessagingException | RuntimeException e) {
            failIfDisconnected(message, e);
        }
        return "num:" + message.getMessageNumber() + ":" + System.currentTimeMillis();
    }

    private static void failIfDisconnected(Message message, Exception e) {
        Folder folder = message.getFolder();
        if (e instanceof FolderClosedException || e instanceof StoreClosedException || folder == null || !folder.isOpen()) {
            throw new IllegalStateException("se perdió la conexión con el buzón: " + e.getMessage(), e);
        }
    }

    /** The key of a Message-ID header: as written, or a hash when it is long or has control characters. */
    static String messageIdKey(String[] ids) {
        return ids == null || ids.length == 0 ? null : messageIdKey(ids[0]);
    }

    static String messageIdKey(String header) {
        if (header == null) {
            return null;
        }
        String id = header.strip().replaceAll("\\s", "_");
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() > MAX_ID_CHARS || id.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f)) {
            return "mid-sha256:" + MailContent.sha256(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return id;
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
        profile.add("Date"); // tells a reused Message-ID from a re-delivery (see variant)
        if (folder instanceof UIDFolder) {
            profile.add(UIDFolder.FetchProfileItem.UID);
        }
        folder.fetch(window, profile);
        // Claim this poll's share: new messages in window order, in chunks, skipping those another
        // replica holds, until the poll's limit is claimed (several replicas split a backlog this way).
        // Camel copies every header and the envelope of each message it takes: fetch those in bulk,
        // and the bodies, only for the messages claimed here.
        java.util.List<Message> fresh = new java.util.ArrayList<>();
        int limit = endpoint.getMaxMessagesPerPoll() > 0 ? endpoint.getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        int next = 0;
        while (fresh.size() < limit && next < window.length) {
            Map<String, Message> chunk = new java.util.LinkedHashMap<>();
            Map<String, String> keys = new java.util.LinkedHashMap<>();
            while (next < window.length && fresh.size() + keys.size() < limit) {
                Message m = window[next++];
                String key = messageIdKey(m.getHeader("Message-ID"));
                if (key == null) {
                    fresh.add(m); // keyed by its hash, claimed when the consumer asks
                } else if (!handled.contains(MailboxIds.compose(mailbox, key)) && !keys.containsKey(key)) {
                    keys.put(key, dateOf(m));
                    chunk.put(key, m);
                }
            }
            java.util.Set<String> taken = keys.isEmpty() ? java.util.Set.of() : handled.claimAll(mailbox, keys);
            chunk.forEach((key, m) -> {
                if (taken.contains(key)) {
                    fresh.add(m);
                }
            });
        }
        if (!fresh.isEmpty()) {
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
