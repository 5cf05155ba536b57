/**
 * HERS-J's optional OpenFHE backend: the JavaCPP binding of our C++ shim over OpenFHE's CKKS API
 * ({@code src/main/cpp/hersj_openfhe_shim.h}); the search layer's client, enroller and server backends
 * on top of it ({@link org.hersj.fhe.openfhe.jni.OpenFheKeys}); key directories
 * ({@link org.hersj.fhe.openfhe.jni.OpenFheKeyFiles}); the provider the default build looks up by name
 * ({@link org.hersj.fhe.openfhe.jni.OpenFheProvider}); and side-by-side timings of both engines
 * ({@link org.hersj.fhe.openfhe.jni.SideBySideTimings}).
 *
 * <p>Compiled only in the {@code openfhe} Maven profile ({@code -Dopenfhe.home=<install prefix>}).
 * May depend on JavaCPP, on {@code org.hersj.fhe.openfhe} (settings, provider interface), on the search
 * layer's backend interfaces and CKKS key set ({@code org.hersj.fhe.search.backend}, {@code .ckks}, the
 * latter for timings only) and on the engine's parameters and file utilities ({@code org.hersj.fhe.ckks},
 * {@code .io}, {@code org.hersj.fhe.ring}). Nothing in the default build depends on this package: it is
 * found, if present, only by class name.
 */
package org.hersj.fhe.openfhe.jni;
