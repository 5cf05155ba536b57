/**
 * On-disk record files for encrypted galleries, probes and scores. A record file is a 4 KiB
 * {@link org.hersj.fhe.io.Envelope} header (versioned, SHA-256 protected: parameters fingerprint, counts,
 * layout; the 0.1.0 text headers are still read) followed by
 * fixed-size records, each framed with a magic number, its own index and a CRC32C, so truncation,
 * tampering and torn writes are detected. Files are written under a temporary name with a journal
 * of finished records (resumable) and renamed atomically when complete; records are read by
 * positional streaming, so files larger than RAM work. Depends on {@code search.layout} and the JDK.
 */
package org.hersj.fhe.search.store;
