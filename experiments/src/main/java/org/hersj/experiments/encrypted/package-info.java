/**
 * The encrypted search modes of the pipeline ({@code encrypted}, {@code plaintext-probe}) on the
 * {@code fhe} module's search layer, with encrypted galleries kept in the stage cache. Depends on
 * {@code search}, {@code cache}, {@code config}, {@code progress} and the {@code fhe} module.
 */
package org.hersj.experiments.encrypted;
