/**
 * The RNS-CKKS scheme: validated parameters and presets, keys (secret, public, relinearisation, Galois),
 * the canonical-embedding encoder, encryption, decryption, and the evaluator (add, multiply, lazy
 * multiply-accumulate, relinearise, rescale, rotate, sum of slots), with hybrid key switching over the
 * special primes P. Everything is kept in NTT form.
 *
 * <p>Roles are separate: the client holds {@link org.hersj.fhe.ckks.SecretKey} (through
 * {@link org.hersj.fhe.ckks.KeyGenerator}, {@link org.hersj.fhe.ckks.Decryptor}); the server holds
 * {@link org.hersj.fhe.ckks.EvaluationKeys} and an {@link org.hersj.fhe.ckks.Evaluator}, neither of which
 * can be built from, or leads to, a secret key.
 *
 * <p>Precision (measured, worst slot of N/2 random values in [-1, 1], public-key encryption; see the tests):
 * <table>
 * <caption>bits of precision = -log2(max error)</caption>
 * <tr><th>preset</th><th>fresh</th><th>x*y, relinearised, rescaled</th><th>rotation</th></tr>
 * <tr><td>SEARCH_N4096 (46+38, P 25, scale 2^38)</td><td>22.4</td><td>22.4</td><td>21.4</td></tr>
 * <tr><td>SEARCH_N8192 (60+41, P 60, scale 2^41)</td><td>23.5</td><td>24.3</td><td>21.0</td></tr>
 * <tr><td>DEEP_N16384 (50+7x40, P 2x54, scale 2^40)</td><td>22.3</td><td>22.1</td><td>22.1</td></tr>
 * </table>
 * Noise sources per slot, at scale Delta: encoding rounding ~sqrt(N)/Delta; public-key encryption
 * ~sigma N / Delta (the dominant term; errors are heavy-tailed because u e and e s are products in the
 * slots); a product adds |m_1| e_2 + |m_2| e_1; relinearisation adds the key-switching noise at scale
 * Delta^2 (negligible); rescaling adds ~sqrt(N)/Delta. A search score sum_j g_j p_j over unit vectors
 * therefore carries about sqrt(2) times the fresh error, below 1e-6 at both search presets even for 512
 * dimensions (tested).
 *
 * <p>May depend on {@code org.hersj.fhe.ring}, {@code org.hersj.fhe.arith} and the JDK only.
 */
package org.hersj.fhe.ckks;
