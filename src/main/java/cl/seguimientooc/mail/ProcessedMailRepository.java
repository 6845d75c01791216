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

    public ProcessedMailRepository(ProcessedMailStore store) {
        this.store = store;
    }

    @Override
    public boolean add(String key) {
        if (handled.contains(key)) {
            return false;
        }
        String[] parts = MailboxIds.split(key);
        Claim claim = store.claim(parts[0], parts[1]);
        if (claim == Claim.DONE) {
            handled.add(key);
        }
        return claim == Claim.CLAIMED;
    }

    @Override
    public boolean contains(String key) {
        return handled.contains(key);
    }

    @Override
    public boolean remove(String key) {
        String[] parts = MailboxIds.split(key);
        store.release(parts[0], parts[1]);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        handled.add(key);
        return true;
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
