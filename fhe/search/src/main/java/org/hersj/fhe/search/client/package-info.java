/**
 * The client role (the secret-key owner): probe encryption (one ciphertext per dimension, value
 * replicated to every slot), decryption of score files, and top-k ranking. Built from a
 * {@link org.hersj.fhe.search.backend.ClientBackend}. Depends on {@code search.backend},
 * {@code search.layout}, {@code search.store}.
 */
package org.hersj.fhe.search.client;
