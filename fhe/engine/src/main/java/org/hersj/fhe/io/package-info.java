/**
 * Files shared by every layer of {@code fhe}: the one envelope every file format starts with
 * ({@link org.hersj.fhe.io.Envelope}: magic, versions, lengths, SHA-256s), atomic writes (temporary name,
 * forced to disk, renamed) with owner-only permissions for secrets, and SHA-256. Depends on the JDK only, so the engine's formats,
 * the key files of both engines and the search layer's own files all use the same code.
 */
package org.hersj.fhe.io;
