/**
 * JMH benchmarks of the encrypted search's block scoring (mirrors {@code org.hersj.fhe.search}): the
 * HERS block inner product (lazily reduced, and term by term), and a whole block with relinearise +
 * rescale or with the degree-2 option. Depends on the fhe module and JMH.
 */
package org.hersj.bench.search;
