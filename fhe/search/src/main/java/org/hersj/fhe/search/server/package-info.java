/**
 * The server role: scores an encrypted gallery store against a probe with evaluation keys only and
 * writes an encrypted scores file. Every type here is built from a
 * {@link org.hersj.fhe.search.backend.ServerBackend}, which cannot hold a secret key. Records are
 * scored on several threads, each with its own buffers, so the hot path allocates nothing per block.
 * Depends on {@code search.backend}, {@code search.layout}, {@code search.store}.
 */
package org.hersj.fhe.search.server;
