package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.search.engine.SearchKeySet;

/** One OpenFHE key set; its keys live in native memory for the life of the process. */
public interface OpenFheBackendSet extends SearchKeySet {

    /** Bytes of the relinearisation key in OpenFHE's serialisation (what a server must receive). */
    long relinearizationKeyBytes();
}
