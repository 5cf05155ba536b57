package org.hersj.fhe.search.testing;

import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * A client (secret key) and a server (evaluation keys) backend for the same key pair.
 *
 * @param client the key owner's backend
 * @param server the server's backend
 */
public record Backends(ClientBackend client, ServerBackend server) {
}
