package org.hersj.fhe.openfhe;

import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * One OpenFHE key set seen through the search layer's role interfaces. The keys live in native memory
 * for the life of the process.
 */
public interface OpenFheBackendSet {

    /** The key owner's backend (secret key): encrypts probes, decrypts scores. */
    ClientBackend client();

    /** An enroller's backend (public key only). */
    EncryptionBackend enroller();

    /** The server's backend (evaluation keys only; no way to reach the secret key). */
    ServerBackend server();

    /** Bytes of the relinearisation key in OpenFHE's serialisation (what a server must receive). */
    long relinearizationKeyBytes();
}
