package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeCiphertext;
import org.hersj.fhe.search.backend.BackendCiphertext;

/**
 * A ciphertext of the OpenFHE backend: a native OpenFHE ciphertext plus the degree and level the
 * search layer allocated it for (levels counted as in our engine: index of the last prime still
 * present, so a fresh ciphertext has level L). Belongs to the {@link OpenFheEngine} that made it.
 */
public final class OpenFheCiphertext implements BackendCiphertext {
    private final OpenFheEngine engine;
    private final NativeCiphertext handle = new NativeCiphertext();
    private final int degree;
    private final int level;

    OpenFheCiphertext(OpenFheEngine engine, int degree, int level) {
        if (degree < 1 || degree > 2) {
            throw new IllegalArgumentException("ciphertext degree must be 1 or 2, got " + degree);
        }
        if (level < 0 || level > engine.parameters().multiplicativeDepth()) {
            throw new IllegalArgumentException("ciphertext level must be in 0.."
                    + engine.parameters().multiplicativeDepth() + ", got " + level);
        }
        this.engine = engine;
        this.degree = degree;
        this.level = level;
    }

    @Override
    public int degree() {
        return degree;
    }

    @Override
    public int level() {
        return level;
    }

    /** Whether no operation has written into this ciphertext yet (or it was cleared). */
    public boolean isEmpty() {
        return handle.isEmpty();
    }

    NativeCiphertext handle() {
        return handle;
    }

    /** Checks that the native content has the allocated degree and level (after an operation). */
    void checkShape(String operation) {
        if (handle.isEmpty()) {
            return;
        }
        int actualLevel = handle.limbCount() - 1;
        if (handle.degree() != degree || actualLevel != level) {
            throw new IllegalStateException(operation + " produced a ciphertext of degree " + handle.degree()
                    + " at level " + actualLevel + " into a buffer allocated for degree " + degree + " at level "
                    + level);
        }
    }

    /** Casts a search-layer ciphertext to this backend's, refusing other engines' ciphertexts. */
    static OpenFheCiphertext of(BackendCiphertext ct, OpenFheEngine engine) {
        if (!(ct instanceof OpenFheCiphertext own)) {
            throw new IllegalArgumentException("the OpenFHE backend cannot use a ciphertext of another engine ("
                    + (ct == null ? "null" : ct.getClass().getName()) + ")");
        }
        if (own.engine != engine) {
            throw new IllegalArgumentException("ciphertext belongs to another OpenFHE context ("
                    + own.engine.parameters().describe() + ")");
        }
        return own;
    }

    @Override
    public String toString() {
        return "OpenFheCiphertext[degree=" + degree + ", level=" + level + (isEmpty() ? ", empty" : "") + "]";
    }
}
