package org.hersj.fhe.search.backend.ckks;

import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.engine.SearchKeySet;

/**
 * A key set of HERS-J's own engine seen as a {@link SearchKeySet}.
 *
 * @param keys the engine's key set (holds the secret key: keep it with the key owner)
 */
public record JavaSearchKeySet(CkksSearchKeys keys) implements SearchKeySet {

    /** Checks the key set is present. */
    public JavaSearchKeySet {
        if (keys == null) {
            throw new IllegalArgumentException("keys must not be null");
        }
    }

    @Override
    public ClientBackend client() {
        return keys.client();
    }

    @Override
    public EncryptionBackend enroller() {
        return keys.enroller();
    }

    @Override
    public ServerBackend server() {
        return keys.server();
    }

    @Override
    public String toString() {
        return "JavaSearchKeySet[" + keys + "]";
    }
}
