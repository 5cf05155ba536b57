package org.hersj.experiments.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.hersj.experiments.progress.Progress;

/**
 * Renders progress reports as a one-line bar on standard error, redrawn in place with a carriage
 * return at most ten times a second. Disabled (silent) when output is not a terminal or with
 * {@code --quiet}.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private long lastDraw;
    private String drawnTask;
    private long drawnTotal;

    /**
     * @param out     where to draw (standard error)
     * @param enabled whether to draw at all
     */
    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /**
     * @param quiet whether the user asked for no progress output
     * @return a bar on standard error, enabled only on a terminal and without {@code --quiet}
     */
    static ProgressBar forTerminal(boolean quiet) {
        return new ProgressBar(System.err, !quiet && System.console() != null);
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (task.equals(drawnTask) && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawnTask = task;
        drawnTotal = total;
        out.print("\r" + line(task, done, total));
        out.flush();
    }

    @Override
    public synchronized void finish(String task) {
        if (enabled && task.equals(drawnTask)) {
            out.print("\r" + line(task, drawnTotal, drawnTotal) + "\n");
            out.flush();
            drawnTask = null;
        }
    }

    /**
     * @param task  step name
     * @param done  units done
     * @param total units in total
     * @return the bar text, e.g. {@code search plaintext [#######.......]  50% 4/8}
     */
    static String line(String task, long done, long total) {
        double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) done / total));
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%-28s [%s%s] %3d%% %d/%d", task, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total);
    }

    /**
     * @return this bar as the search library's progress callback
     */
    org.hersj.fhe.search.ProgressListener asSearchListener() {
        return this::update;
    }
}
