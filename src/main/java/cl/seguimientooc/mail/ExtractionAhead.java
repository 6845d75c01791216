package cl.seguimientooc.mail;

import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.ExtractionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Reads the PDFs of a poll's messages on another core while the mailbox route is busy with the
 * server and the database; the route then finds each result ready. Results are keyed by the PDF's
 * SHA-256 and bounded in number; a PDF not read ahead is simply read when it is needed, so this
 * changes speed, never outcomes.
 */
public final class ExtractionAhead {

    private static final int MAX_PENDING = 256;
    /** Longest wait for a read already under way (it has its own, shorter, timeout). */
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(60);

    private final ConfirmationExtractor extractor;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<ExtractionResult>> pending = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<ExtractionResult>> eldest) {
            return size() > MAX_PENDING;
        }
    };

    public ExtractionAhead(ConfirmationExtractor extractor, int threads) {
        this.extractor = extractor;
        // Bounded: a flood of PDFs is read when needed instead of queueing without end.
        this.pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(MAX_PENDING), r -> {
                    Thread t = new Thread(r, "pdf-ahead");
                    t.setDaemon(true);
                    return t;
                }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
    }

    /** Queues the PDFs of a raw message (parsed on the worker too). */
    public void readAhead(byte[] rawMessage) {
        pool.execute(() -> {
            try {
                List<MailContent.Attachment> pdfs = MailContent.parse(rawMessage).pdfs();
                for (MailContent.Attachment pdf : pdfs) {
                    String sha = MailContent.sha256(pdf.content());
                    CompletableFuture<ExtractionResult> future = new CompletableFuture<>();
                    synchronized (pending) {
                        if (pending.putIfAbsent(sha, future) != null) {
                            continue;
                        }
                    }
                    try {
                        future.complete(extractor.extract(pdf.content()));
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e); // never leave a waiter hanging: it reads the PDF itself
                    }
                }
            } catch (RuntimeException | Error e) {
                // not read ahead: the route reads it itself and reports any problem
            }
        });
    }

    /** The result for these PDF bytes, waiting for a read already under way, else reading now. */
    public ExtractionResult extract(byte[] pdf) {
        CompletableFuture<ExtractionResult> future;
        synchronized (pending) {
            future = pending.remove(MailContent.sha256(pdf));
        }
        if (future != null) {
            try {
                // bounded: the read ahead has its own timeout, this is only a safety net
                return future.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // fall through to a direct read, which reports the problem
            }
        }
        return extractor.extract(pdf);
    }

    public List<String> layoutNames() {
        return extractor.layoutNames();
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
