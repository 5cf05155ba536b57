/**
 * The {@code hers} command line (picocli): commands, progress bar rendering and error reporting. The only
 * package that prints; depends on {@code run}, {@code report}, {@code data} and {@code progress}.
 */
package org.hersj.experiments.cli;
