package org.hersj.fhe.openfhe.jni;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeCiphertext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeContext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeKeyPair;

/**
 * What every role of the OpenFHE backend shares: the native crypto context (which also holds the
 * registered relinearisation and rotation keys), the parameters, the public key and the parameter
 * fingerprint. Holds no secret key. Thread-safe.
 */
final class OpenFheEngine {
    /**
     * Bytes a payload holds beyond its first int and the residues: a raw payload's 24-byte header, and the
     * room the cereal payloads of earlier files had for OpenFHE's metadata (measured under 1 KB; the key tag
     * and the way a ciphertext was made changed it by some bytes from process to process). Part of the
     * payload size in file headers: changing it breaks every OpenFHE file written so far.
     */
    static final int PAYLOAD_METADATA_BYTES = 4096;

    private final OpenFheParameters parameters;
    private final NativeContext context;
    private final NativeKeyPair publicKey;
    private final int[] rotationSteps;
    private final String fingerprint;
    private final String keyFingerprint;
    private final Map<Integer, NativeCiphertext> templates = new ConcurrentHashMap<>();

    /**
     * @param publicKeyBytes OpenFHE's serialisation of the public key as first written (when generated,
     *        or as read from its key file): the key fingerprint is its SHA-256, stable across processes
     */
    OpenFheEngine(OpenFheParameters parameters, NativeContext context, NativeKeyPair publicKey,
            byte[] publicKeyBytes, int[] rotationSteps) {
        if (publicKey.hasSecretKey()) {
            throw new IllegalArgumentException("the shared OpenFHE engine must hold the public key only");
        }
        this.parameters = parameters;
        this.context = context;
        this.publicKey = publicKey;
        this.rotationSteps = rotationSteps.clone();
        this.fingerprint = computeFingerprint(parameters, context);
        this.keyFingerprint = sha256Hex(publicKeyBytes);
    }

    OpenFheParameters parameters() {
        return parameters;
    }

    NativeContext context() {
        return context;
    }

    NativeKeyPair publicKey() {
        return publicKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** SHA-256 of the serialised public key. */
    String keyFingerprint() {
        return keyFingerprint;
    }

    int[] rotationSteps() {
        return rotationSteps.clone();
    }

    boolean hasRotationKey(int step) {
        for (int s : rotationSteps) {
            if (s == step) {
                return true;
            }
        }
        return false;
    }

    /** Our level (index of the last prime present; L when fresh) as OpenFHE's (rescales applied). */
    int openFheLevel(int level) {
        return parameters.multiplicativeDepth() - level;
    }

    /**
     * Fixed payload size of a ciphertext of this degree and level, a function of the parameters alone (it is
     * in the file headers, so every process that reads a file must agree): the first int (marker or length),
     * the residues ((degree + 1) polynomials x (level + 1) primes x N x 8 bytes) and
     * {@link #PAYLOAD_METADATA_BYTES}, which holds a raw payload's 24-byte header and held the cereal metadata
     * of earlier files' payloads.
     */
    int payloadBytes(int degree, int level) {
        requireShape(degree, level);
        return Math.toIntExact(Integer.BYTES + (long) (degree + 1) * (level + 1) * parameters.ringDimension() * Long.BYTES
                + PAYLOAD_METADATA_BYTES);
    }

    /**
     * A ciphertext of this degree and level (an encryption of zero, computed once): the parameters and key
     * tag raw payloads are read into ({@link OpenFheBackendBase#readPayload}).
     */
    NativeCiphertext template(int degree, int level) {
        requireShape(degree, level);
        return templates.computeIfAbsent(degree * 1000 + level, key -> {
            NativeCiphertext zero = new NativeCiphertext();
            context.encryptReplicated(publicKey, 0.0, openFheLevel(level), zero);
            if (degree == 2) {
                context.multiplyNoRelin(zero, zero, zero);
            }
            return zero;
        });
    }

    private void requireShape(int degree, int level) {
        if (degree < 1 || degree > 2 || level < 0 || level > parameters.multiplicativeDepth()) {
            throw new IllegalArgumentException("no OpenFHE ciphertext of degree " + degree + " at level " + level
                    + " (degree 1..2, level 0.." + parameters.multiplicativeDepth() + ")");
        }
    }

    private static String computeFingerprint(OpenFheParameters parameters, NativeContext context) {
        StringBuilder canonical = new StringBuilder("openfhe-ckks;").append(parameters.describe());
        for (int i = 0; i < context.qCount(); i++) {
            canonical.append(";q").append(i).append('=').append(context.qModulus(i));
        }
        return sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] data) {
        return Sha256.hex(data);
    }
}
