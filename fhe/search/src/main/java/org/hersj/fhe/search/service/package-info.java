/**
 * The server's one entry point: {@link org.hersj.fhe.search.service.SearchServer} reads a gallery's header
 * and scores it as its layout needs (HERS block scoring, the Boddeti 2018 per-item search, or the per-candidate
 * stage 2 of two-stage search on a packed gallery), so callers (the CLI, benchmarks, Spark tasks) never
 * branch on the layout. Built from a {@link org.hersj.fhe.search.backend.ServerBackend}: evaluation keys
 * only. Depends on {@code search.server}, {@code search.baseline}, {@code search.twostage} and the layers
 * below them.
 */
package org.hersj.fhe.search.service;
