package org.hersj.fhe.openfhe;

/** One OpenFHE key set; its keys live in native memory for the life of the process. */
public interface OpenFheBackendSet extends BackendKeySet {

    /** Bytes of the relinearisation key in OpenFHE's serialisation (what a server must receive). */
    long relinearizationKeyBytes();
}
