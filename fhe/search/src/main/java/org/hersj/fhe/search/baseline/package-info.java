/**
 * Prior-work baseline: the one-vector-per-ciphertext layout of Boddeti (BTAS 2018), where each
 * gallery item is one ciphertext and a score costs a product plus log2(d) rotations (rotate-and-sum),
 * for the side-by-side complexity comparison with the HERS layout. Enrollment and client code are
 * shared with HERS (layout {@link org.hersj.fhe.search.layout.LayoutKind#BODDETI_2018}); only the
 * scoring differs. Depends on {@code search.backend}, {@code search.layout}, {@code search.store},
 * {@code search.server}.
 */
package org.hersj.fhe.search.baseline;
