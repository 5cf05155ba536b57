/**
 * File writing shared by every layer of {@code fhe}: atomic writes (temporary name, forced to disk,
 * renamed) with owner-only permissions for secrets. Depends on the JDK only, so the engine's formats,
 * the key files of both engines and the search layer's own files all use the same code.
 */
package org.hersj.fhe.io;
