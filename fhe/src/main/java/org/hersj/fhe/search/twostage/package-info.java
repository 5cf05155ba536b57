/**
 * Two-stage encrypted search (the paper's coarse-to-fine result): stage 1 is the HERS SIMD search of
 * a reduced (e.g. 16-d) encrypted gallery; the client decrypts, keeps the top K item indices and asks
 * the server to re-score only those K against the full-dimension (e.g. 192-d or 512-d) encrypted
 * gallery, stored in the {@link org.hersj.fhe.search.layout.LayoutKind#PACKED_ITEMS} layout so the
 * server reads just the records holding candidates; the final ranking uses the stage-2 scores.
 * Stage 2 costs at most one product and log2(p) rotations per touched record, independent of the
 * gallery size. For client and server in separate processes, {@link
 * org.hersj.fhe.search.twostage.Stage2Request} and {@link org.hersj.fhe.search.twostage.Stage2ResponseFile}
 * are the versioned, checksummed, atomically written files exchanged between them. Depends on
 * {@code search.backend}, {@code search.layout}, {@code search.store}, {@code search.enroll},
 * {@code search.server}, {@code search.client}.
 */
package org.hersj.fhe.search.twostage;
