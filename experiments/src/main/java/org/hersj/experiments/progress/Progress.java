package org.hersj.experiments.progress;

/**
 * Receives progress reports from long-running library code (loading, searching, generating), so that
 * library code never prints: the command line renders these reports as a progress bar.
 */
public interface Progress {

    /** A listener that ignores every report. */
    Progress NONE = new Progress() {
        @Override
        public void update(String task, long done, long total) {
        }

        @Override
        public void finish(String task) {
        }
    };

    /**
     * Reports that {@code done} of {@code total} units of {@code task} are complete. May be called from
     * several threads; implementations must be thread-safe.
     *
     * @param task  a short human-readable name of the step, e.g. {@code "search plaintext"}
     * @param done  units completed so far, {@code 0 <= done <= total}
     * @param total units in the whole step, positive
     */
    void update(String task, long done, long total);

    /**
     * Reports that {@code task} is complete.
     *
     * @param task the name passed to {@link #update}
     */
    void finish(String task);
}
