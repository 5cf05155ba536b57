/**
 * The search benchmark: end-to-end timings (probe encryption, server scoring streamed from the store,
 * decryption and top-k) over a range of gallery sizes on synthetic unit vectors, items x dims per
 * second, the time of one block, accuracy against plaintext, the encrypted/plaintext time ratio and a
 * least-squares linear extrapolation to 10^8 items. Results are plain records the experiments module
 * writes as CSV and plots. Depends on every other search package except the engine adapters.
 */
package org.hersj.experiments.bench.search;
