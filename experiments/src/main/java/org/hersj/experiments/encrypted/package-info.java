/**
 * The encrypted search modes of the pipeline ({@code encrypted}, {@code plaintext-probe},
 * {@code two-stage}) on the {@code fhe} module's search layer, with keys and encrypted galleries kept in
 * the stage cache. Depends on
 * {@code search}, {@code cache}, {@code config}, {@code progress} and the {@code fhe} module.
 */
package org.hersj.experiments.encrypted;
