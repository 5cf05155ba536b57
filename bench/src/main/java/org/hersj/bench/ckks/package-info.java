/**
 * JMH benchmarks of {@code org.hersj.fhe.ckks}: one class per operation, all at the search presets
 * (N = 4096 and N = 8192), single-threaded, sharing the fixture {@link org.hersj.bench.ckks.CkksFixture}.
 * May depend on the {@code fhe} module and JMH.
 */
package org.hersj.bench.ckks;
