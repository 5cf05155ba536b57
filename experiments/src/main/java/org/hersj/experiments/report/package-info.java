/**
 * Result files and reports: the raw CSVs (Tablesaw), the Markdown report and the XChart plots, all
 * rebuilt from a run directory's files alone. Depends on {@code io}, Tablesaw, XChart, Jackson and the JDK.
 */
package org.hersj.experiments.report;
