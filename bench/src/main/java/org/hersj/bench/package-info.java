/** JMH benchmarks of the {@code fhe} module; sub-packages mirror the packages they measure. */
package org.hersj.bench;
