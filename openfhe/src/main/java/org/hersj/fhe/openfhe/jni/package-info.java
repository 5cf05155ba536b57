/**
 * HERS-J's optional OpenFHE backend: the JavaCPP binding of our C++ shim over OpenFHE's CKKS API
 * ({@code src/main/cpp/hersj_openfhe_shim.h}) and the implementation of the search layer's backend
 * interfaces on top of it.
 *
 * <p>Compiled only in the {@code openfhe} Maven profile ({@code -Dopenfhe.home=<install prefix>}).
 * May depend on JavaCPP, on the search layer's {@code org.hersj.fhe.search.backend} interfaces and on
 * the engine's validated parameters ({@code org.hersj.fhe.ckks}); nothing in the default build
 * depends on this package (the default build finds it, if present, only by class name).
 */
package org.hersj.fhe.openfhe.jni;
