package cl.seguimientooc.mail;

import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.Duration;
import java.util.Date;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll strategy of the mailbox routes. Before each poll it sets the IMAP search to "received in the
 * last N days" ({@code SINCE}, evaluated by the server), read or not: reading is never limited to
 * UNSEEN, because a person may have opened a confirmation before the service saw it. A failed poll
 * (server or database down) is logged and retried at the next interval; nothing is marked meanwhile.
 */
public final class RecentMessages implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RecentMessages.class);
    private final long windowMillis;
    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();

    /** Where each poll's outcome is reported (route id → connection); its own until the service's is given. */
    private volatile cl.seguimientooc.ops.ConnectionStatus status = new cl.seguimientooc.ops.ConnectionStatus();
    private volatile java.util.function.Function<String, String> connectionOf = routeId -> routeId;

    public RecentMessages(int days) {
        this.windowMillis = Duration.ofDays(days).toMillis();
    }

    /** Reports each poll to {@code status} under the connection {@code connectionOf} names for the route. */
    public void observe(cl.seguimientooc.ops.ConnectionStatus status, java.util.function.Function<String, String> connectionOf) {
        this.connectionOf = connectionOf;
        this.status = status;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (endpoint instanceof MailEndpoint mail) {
            mail.setSearchTerm(new ReceivedDateTerm(ComparisonTerm.GE, new Date(System.currentTimeMillis() - windowMillis)));
        }
        polls.incrementAndGet();
        return true;
    }

    /** Increases with every poll of any mailbox, so per-poll work (header prefetch) runs once per poll. */
    public long pollCount() {
        return polls.get();
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // each message commits on its own; the poll itself reached the server
        if (consumer instanceof org.apache.camel.spi.RouteIdAware r) {
            status.success(connectionOf.apply(r.getRouteId()), java.time.Instant.now());
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        String connection = consumer instanceof org.apache.camel.spi.RouteIdAware r ? connectionOf.apply(r.getRouteId()) : "?";
        String authKey = cl.seguimientooc.config.MailLogins.OC.equals(connection) ? "OC_INBOX_AUTH" : "IMAP_AUTH";
        String otherwise = "no se pudo leer el buzón (" + cause.getClass().getSimpleName() + "); el detalle está en el log";
        String reason = status.failure(connection, java.time.Instant.now(), cause, authKey, otherwise);
        LOG.warn("Lectura del buzón de {} ({}) fallida; se reintenta en la próxima lectura: {} ({})", connection,
                consumer.getEndpoint().getEndpointBaseUri(), reason, cause.getMessage());
        return false;
    }
}
