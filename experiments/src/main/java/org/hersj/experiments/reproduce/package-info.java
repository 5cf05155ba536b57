/**
 * {@code hers reproduce}: runs the synthetic twins of the paper's experiments and writes one
 * {@code REPORT.md} embedding their tables and plots, plus any Markdown sections other tools drop into the
 * reproduce run's {@code sections/} directory. Depends on {@code run}, {@code report} and {@code io}.
 */
package org.hersj.experiments.reproduce;
