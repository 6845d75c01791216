package cl.seguimientooc.mail;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * When a mailbox is polled (the {@code scheduler} of the mailbox routes). Every IMAP_CHECK_INTERVAL as
 * usual, but again after {@link #setRetryMillis} while some of its messages are claimed by another
 * instance: that instance may be dead, and its messages are taken over at the first poll after its
 * claims go stale (MAIL_CLAIM_STALE_SECONDS) instead of one whole interval later. With several
 * replicas this is also how one finishes the others' share when they stop.
 */
public final class MailPollScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private CamelContext context;
    private ScheduledPollConsumer consumer;
    private Runnable task;
    private ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> next;
    private String mailbox = "";
    private long retryMillis = 10_000;
    private ProcessedMailRepository repository;

    /** The mailbox id of processed_mail (user@host/folder), as the route template names it. */
    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

    public void setRetryMillis(long retryMillis) {
        this.retryMillis = retryMillis;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void onInit(Consumer consumer) {
        this.consumer = (ScheduledPollConsumer) consumer;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void startScheduler() {
        if (next == null) {
            schedule(consumer.getTimeUnit().toMillis(consumer.getInitialDelay()));
        }
    }

    @Override
    public boolean isSchedulerStarted() {
        return next != null;
    }

    @Override
    public void unscheduleTask() {
        ScheduledFuture<?> f = next;
        if (f != null) {
            f.cancel(false);
        }
        next = null;
    }

    @Override
    protected void doStart() {
        repository = context.getRegistry().lookupByNameAndType("processedMailRepository", ProcessedMailRepository.class);
        if (executor == null) {
            executor = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "buzon " + mailbox);
        }
    }

    @Override
    protected void doStop() {
        unscheduleTask();
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    private synchronized void schedule(long millis) {
        ScheduledExecutorService ex = executor;
        if (ex != null && !ex.isShutdown()) {
            next = ex.schedule(this::poll, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        try {
            task.run();
        } finally {
            if (next != null) {
                long delay = consumer.getTimeUnit().toMillis(consumer.getDelay());
                boolean heldElsewhere = repository != null && repository.takeHeldElsewhere(mailbox);
                schedule(heldElsewhere ? Math.min(retryMillis, delay) : delay);
            }
        }
    }
}
