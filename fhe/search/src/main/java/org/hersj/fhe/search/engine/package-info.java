/**
 * The engine SPI: {@link org.hersj.fhe.search.engine.SearchEngine}, one CKKS engine under the encrypted
 * search (key generation, key files by role, the role backends), and
 * {@link org.hersj.fhe.search.engine.SearchEngines}, which finds the engines on the class path with
 * {@link java.util.ServiceLoader} ({@code fhe.backend: java | openfhe}).
 *
 * <p>Depends on the JDK, the role backend interfaces ({@code org.hersj.fhe.search.backend}), the layout
 * names ({@code org.hersj.fhe.search.layout}) and the engine's parameter literal and random source
 * ({@code org.hersj.fhe.ckks}, {@code org.hersj.fhe.ring}). Never on an engine's implementation: the
 * java engine lives in {@code org.hersj.fhe.search.backend.ckks}, OpenFHE in the {@code fhe/openfhe} module.
 */
package org.hersj.fhe.search.engine;
