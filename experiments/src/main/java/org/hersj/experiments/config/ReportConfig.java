package org.hersj.experiments.config;

/**
 * {@code report}: which files a run writes besides the CSVs and the Markdown table.
 *
 * @param plots write PNG plots; default true
 * @param svg   also write each plot as SVG; default true
 * @param latex also write the rank-1 and timing tables as LaTeX ({@code rank1.tex}, {@code timings.tex});
 *              default false
 */
public record ReportConfig(Boolean plots, Boolean svg, Boolean latex) {

    /** Fills in defaults. */
    public ReportConfig {
        plots = plots == null || plots;
        svg = svg == null || svg;
        latex = latex != null && latex;
    }

    /** @return the defaults */
    public static ReportConfig defaults() {
        return new ReportConfig(null, null, null);
    }
}
