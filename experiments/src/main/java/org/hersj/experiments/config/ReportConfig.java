package org.hersj.experiments.config;

/**
 * {@code report}: which files a run writes besides the CSVs and the Markdown table.
 *
 * @param plots write PNG plots; default true
 * @param svg   also write each plot as SVG; default true
 */
public record ReportConfig(Boolean plots, Boolean svg) {

    /** Fills in defaults. */
    public ReportConfig {
        plots = plots == null || plots;
        svg = svg == null || svg;
    }

    /** @return the defaults */
    public static ReportConfig defaults() {
        return new ReportConfig(null, null);
    }
}
