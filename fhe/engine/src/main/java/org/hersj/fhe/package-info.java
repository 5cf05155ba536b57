/**
 * HERS-J's pure-Java RNS-CKKS engine and the encrypted SIMD gallery search built on it.
 *
 * <p>Layers point one way: {@code arith} (modular arithmetic, primes) -&gt; {@code ring} (NTT, RNS
 * polynomials, base conversion, sampling) -&gt; {@code ckks} (parameters, keys, encoder, encryptor,
 * decryptor, evaluator, serialisation) -&gt; {@code search} (gallery layout, probe encryption, scoring,
 * gallery store). This module depends on the JDK only.
 */
package org.hersj.fhe;
