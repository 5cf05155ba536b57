/**
 * Two-stage encrypted search (the paper's coarse-to-fine result): stage 1 is the HERS SIMD search of
 * a reduced (e.g. 16-d) encrypted gallery; the client decrypts, keeps the top K item indices and asks
 * the server to re-score only those K against the full-dimension (e.g. 192-d or 512-d) encrypted
 * gallery, stored in the {@link org.hersj.fhe.search.layout.LayoutKind#PACKED_ITEMS} layout so the
 * server reads just the records holding candidates; the final ranking uses the stage-2 scores.
 * The client sends S = slots/p segment-masked probes; the server groups the candidates (at most one per
 * segment, {@link org.hersj.fhe.search.twostage.CandidateGroups}) and per group sums one lazy product per
 * candidate, then relinearises, rescales and rotates-and-sums once: stage 2 costs one product per
 * candidate plus log2(p) rotations per group of up to S candidates, independent of the gallery size. For client and server in separate processes, {@link
 * org.hersj.fhe.search.twostage.Stage2Request} and {@link org.hersj.fhe.search.twostage.Stage2ResponseFile}
 * are the versioned, checksummed, atomically written files exchanged between them. Depends on
 * {@code search.backend}, {@code search.layout}, {@code search.store}, {@code search.enroll},
 * {@code search.server}, {@code search.client} and {@code org.hersj.fhe.io} (atomic writes).
 */
package org.hersj.fhe.search.twostage;
