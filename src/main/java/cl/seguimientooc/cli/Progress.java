package cl.seguimientooc.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error: a bar (progressbar, on JLine) when a person watches a
 * terminal, else a plain line every tenth of the work (logs, pipes, cron), so the output stays readable.
 */
public final class Progress implements AutoCloseable {

    private final String task;
    private final long total;
    private final PrintStream err;
    private final ProgressBar bar;
    private long lastTenth = -1;

    private Progress(String task, long total, PrintStream err, boolean terminal) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200).build() : null;
    }

    /** A bar when this process talks to a terminal. */
    public static Progress start(String task, long total, PrintStream err) {
        return new Progress(task, total, err, System.console() != null);
    }

    static Progress lines(String task, long total, PrintStream err) {
        return new Progress(task, total, err, false);
    }

    public void done(long done) {
        if (bar != null) {
            bar.stepTo(done);
            return;
        }
        long tenth = total <= 0 ? 10 : done * 10 / total;
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(task + ": " + done + " de " + total + " (" + (total <= 0 ? 100 : done * 100 / total) + " %)");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
