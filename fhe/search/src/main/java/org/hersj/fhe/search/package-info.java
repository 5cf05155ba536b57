/**
 * Encrypted representation search with the HERS SIMD layout: the gallery is cut into blocks of
 * N/2 items, ciphertext j of a block holds dimension j of every item of the block, the probe is
 * encrypted once per dimension (value replicated to every slot) and reused for every block.
 *
 * <p>Sub-packages, in the order they may depend on each other:
 * {@code backend} (the small engine interface the search needs; {@code backend.ckks} implements it
 * with HERS-J's pure-Java CKKS engine) -&gt; {@code layout} (block/slot arithmetic, operation counts)
 * -&gt; {@code store} (on-disk record files: headers, checksummed fixed-size records, atomic and
 * resumable writing) -&gt; {@code enroll}, {@code client}, {@code server} (the two roles)
 * -&gt; {@code baseline} (Boddeti 2018 one-vector-per-ciphertext layout) -&gt; {@code benchmark}.
 * Only {@code backend.ckks} touches the engine packages; everything else speaks the backend
 * interfaces, so another engine (e.g. OpenFHE) can be put underneath without changing the search.
 */
package org.hersj.fhe.search;
