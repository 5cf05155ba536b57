/**
 * Choosing the engine under the encrypted search ({@link org.hersj.fhe.openfhe.FheBackend}, the
 * configuration key {@code fhe.backend: java | openfhe}) and the default build's view of the optional
 * OpenFHE backend: the interface the OpenFHE module implements, its settings, and
 * {@link org.hersj.fhe.openfhe.OpenFheBackends}, which finds the module by class name and explains what
 * to do when it (or OpenFHE's native library) is missing.
 *
 * <p>Depends on the JDK, on the search layer's backend interfaces and CKKS key set
 * ({@code org.hersj.fhe.search.backend}, {@code .backend.ckks}), the layout names
 * ({@code org.hersj.fhe.search.layout}: each engine's default HERS layout) and on the engine's parameters and
 * random source ({@code org.hersj.fhe.ckks}, {@code org.hersj.fhe.ring}); never on OpenFHE or JavaCPP. The
 * implementation lives in {@code org.hersj.fhe.openfhe.jni}, in the {@code openfhe} module, built only
 * with {@code -Dopenfhe.home=<install prefix>}.
 */
package org.hersj.fhe.openfhe;
