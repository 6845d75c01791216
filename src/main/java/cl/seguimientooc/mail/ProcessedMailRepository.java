package cl.seguimientooc.mail;

import cl.seguimientooc.store.ProcessedMailStore;
import cl.seguimientooc.store.ProcessedMailStore.Claim;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The mail consumers' idempotent repository, backed by the processed-mail ledger: a message is
 * claimed before its exchange exists, so one that was handled is skipped without being fetched or
 * touched on the server, whether or not someone has opened it. Keys known to be handled are
 * remembered in memory so a large mailbox costs no database round trip per poll.
 */
public final class ProcessedMailRepository extends ServiceSupport implements IdempotentRepository {

    private static final int MEMORY = 200_000;

    private final ProcessedMailStore store;
    /** Handled keys and the Date header recorded for them ("" when none), most recently used last. */
    private final Map<String, String> handled = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MEMORY;
                }
            });

    /** Date headers of the keys of this poll, noted by {@link MailKeys} for the claim ("" when none). */
    private final Map<String, String> dates = new java.util.concurrent.ConcurrentHashMap<>();

    /** Record ids of messages claimed and not yet completed, so the route needs no lookup. */
    private final Map<String, Long> claimed = new java.util.concurrent.ConcurrentHashMap<>();

    public ProcessedMailRepository(ProcessedMailStore store) {
        this.store = store;
    }

    /** Keys claimed in bulk for the coming exchanges of a poll (see {@link #claimAll}). */
    private final java.util.Set<String> preclaimed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Claims a poll's new messages in one statement, before the consumer asks for each; returns the
     * keys taken. Known ones are remembered: handled ones as such, and those another instance holds
     * for this poll, so the consumer skips both without a query each ({@link #add}).
     */
    public java.util.Set<String> claimAll(String mailbox, Map<String, String> keyDates) {
        Map<String, String> unknown = new LinkedHashMap<>();
        keyDates.forEach((k, date) -> {
            String key = MailboxIds.compose(mailbox, k);
            if (!handled.containsKey(key)) {
                unknown.put(k, date);
                dates.put(key, date);
            }
        });
        Map<String, Long> taken = store.claimAll(mailbox, unknown);
        for (Map.Entry<String, Long> e : taken.entrySet()) {
            String key = MailboxIds.compose(mailbox, e.getKey());
            claimed.put(key, e.getValue());
            preclaimed.add(key);
        }
        // The others are known: remember the handled ones and their Date, so a message reusing a
        // Message-ID with other content is told apart (MailKeys) without a query per message.
        java.util.List<String> rest = unknown.keySet().stream().filter(k -> !taken.containsKey(k)).toList();
        for (ProcessedMailStore.Known k : store.known(mailbox, rest)) {
            String key = MailboxIds.compose(mailbox, k.key());
            if (k.done()) {
                handled.put(key, k.date() == null ? "" : k.date());
            } else if (!k.mine()) {
                held.add(key);
                heldElsewhere.add(mailbox);
            } // else: this instance's own leftover claim, taken back one by one in add()
        }
        return taken.keySet();
    }

    /** Keys another instance held when this poll asked: skipped by this poll without a query. */
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Mailboxes with a message that some instance held in progress when this one asked for it. */
    private final java.util.Set<String> heldElsewhere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Whether a poll of {@code mailbox} since the last call met a message claimed by another instance
     * (alive and slow, or dead and soon stale): then {@link MailPollScheduler} polls again soon.
     */
    public boolean takeHeldElsewhere(String mailbox) {
        return heldElsewhere.remove(mailbox);
    }

    /** Notes the Date header of a message about to be offered under {@code key}. */
    void noteDate(String key, String date) {
        dates.put(key, date);
    }

    /** The Date recorded for a handled key ("" unknown); null when the key is not known as handled. */
    String handledDate(String key) {
        return handled.get(key);
    }

    @Override
    public boolean add(String key) {
        if (preclaimed.remove(key)) {
            return true;
        }
        if (held.remove(key)) {
            dates.remove(key);
            return false; // another instance has it now; a later poll asks again
        }
        if (handled.containsKey(key)) {
            dates.remove(key); // skipped: nothing to record
            return false;
        }
        String[] parts = MailboxIds.split(key);
        String date = dates.getOrDefault(key, "");
        Claim claim = store.claim(parts[0], parts[1], date.isEmpty() ? null : date);
        if (claim.status() == Claim.Status.DONE) {
            handled.put(key, claim.date() == null ? "" : claim.date());
            dates.remove(key);
        } else if (claim.status() == Claim.Status.CLAIMED) {
            claimed.put(key, claim.id());
        } else {
            heldElsewhere.add(parts[0]);
        }
        return claim.status() == Claim.Status.CLAIMED;
    }

    @Override
    public boolean contains(String key) {
        return handled.containsKey(key);
    }

    /** The processed-mail id of a message this instance claimed, or null. */
    public Long claimedId(String key) {
        return claimed.get(key);
    }

    @Override
    public boolean remove(String key) {
        claimed.remove(key);
        preclaimed.remove(key);
        dates.remove(key);
        String[] parts = MailboxIds.split(key);
        store.release(parts[0], parts[1]);
        return true;
    }

    /** Completed: remembered as handled, unless the route gave the claim back (see {@link #remove}). */
    @Override
    public boolean confirm(String key) {
        if (claimed.remove(key) != null) {
            handled.put(key, dates.getOrDefault(key, ""));
        }
        dates.remove(key);
        return true;
    }

    /** Drops this process's note of a claim it could not release (the database was away). */
    public void forgetClaim(String key) {
        claimed.remove(key);
        preclaimed.remove(key);
        dates.remove(key);
    }

    /** Forgets a key so a reprocessed or reset message is looked up again. */
    public void forget(String key) {
        handled.remove(key);
    }

    @Override
    public void clear() {
        handled.clear();
    }
}
