package cl.seguimientooc.mail;

import cl.seguimientooc.store.ProcessedMailStore;
import cl.seguimientooc.store.ProcessedMailStore.Claim;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
    private final Set<String> handled = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MEMORY;
                }
            }));

    /** Record ids of messages claimed and not yet completed, so the route needs no lookup. */
    private final Map<String, Long> claimed = new java.util.concurrent.ConcurrentHashMap<>();

    public ProcessedMailRepository(ProcessedMailStore store) {
        this.store = store;
    }

    /** Keys claimed in bulk for the coming exchanges of a poll (see {@link #claimAll}). */
    private final Set<String> preclaimed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Claims a poll's new messages in one statement, before the consumer asks for each; those it
     * could not claim (known, or held by another instance) take the one-by-one path in {@link #add}.
     */
    public void claimAll(String mailbox, java.util.List<String> keys) {
        java.util.List<String> unknown = keys.stream().filter(k -> !handled.contains(MailboxIds.compose(mailbox, k))).toList();
        for (Map.Entry<String, Long> e : store.claimAll(mailbox, unknown).entrySet()) {
            String key = MailboxIds.compose(mailbox, e.getKey());
            claimed.put(key, e.getValue());
            preclaimed.add(key);
        }
    }

    @Override
    public boolean add(String key) {
        if (preclaimed.remove(key)) {
            return true;
        }
        if (handled.contains(key)) {
            return false;
        }
        String[] parts = MailboxIds.split(key);
        Claim claim = store.claim(parts[0], parts[1]);
        if (claim.status() == Claim.Status.DONE) {
            handled.add(key);
        } else if (claim.status() == Claim.Status.CLAIMED) {
            claimed.put(key, claim.id());
        }
        return claim.status() == Claim.Status.CLAIMED;
    }

    @Override
    public boolean contains(String key) {
        return handled.contains(key);
    }

    /** The processed-mail id of a message this instance claimed, or null. */
    public Long claimedId(String key) {
        return claimed.get(key);
    }

    @Override
    public boolean remove(String key) {
        claimed.remove(key);
        preclaimed.remove(key);
        String[] parts = MailboxIds.split(key);
        store.release(parts[0], parts[1]);
        return true;
    }

    /** Completed: remembered as handled, unless the route gave the claim back (see {@link #remove}). */
    @Override
    public boolean confirm(String key) {
        if (claimed.remove(key) != null) {
            handled.add(key);
        }
        return true;
    }

    /** Drops this process's note of a claim it could not release (the database was away). */
    public void forgetClaim(String key) {
        claimed.remove(key);
        preclaimed.remove(key);
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
