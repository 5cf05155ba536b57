/**
 * The {@code hers} command line (picocli): commands, progress bar rendering and error reporting. The only
 * package that prints; depends on {@code run}, {@code report}, {@code data},
 * {@code progress} and the {@code fhe} module's search roles (the role commands).
 */
package org.hersj.experiments.cli;
