/** JMH benchmarks of {@code org.hersj.fhe.ring}. May depend on the {@code fhe} module and JMH. */
package org.hersj.bench.ring;
