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
     * Bytes allowed per payload for OpenFHE's metadata beyond the residues (measured: under 1 KB; the
     * key tag and the way a ciphertext was made change it by some bytes from process to process).
     */
    static final int PAYLOAD_METADATA_BYTES = 4096;

    private final OpenFheParameters parameters;
    private final NativeContext context;
    private final NativeKeyPair publicKey;
    private final int[] rotationSteps;
    private final String fingerprint;
    private final String keyFingerprint;
    private final Map<Integer, Integer> payloadSizes = new ConcurrentHashMap<>();
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
     * Fixed payload size of a ciphertext of this degree and level: a 4-byte length, OpenFHE's binary
     * serialisation, zero padding. It must be the same in every process that reads a file (it is in the
     * file headers), while OpenFHE's serialised size varies by some bytes with how the ciphertext was
     * made and which process made it. So the size is a function of the parameters alone: the residues
     * ((degree + 1) polynomials x (level + 1) primes x N x 8 bytes) plus {@link #PAYLOAD_METADATA_BYTES};
     * both kinds of encryptions of zero (fresh, and computed down to this level) are serialised once to
     * check that they fit.
     */
    int payloadBytes(int degree, int level) {
        if (degree < 1 || degree > 2 || level < 0 || level > parameters.multiplicativeDepth()) {
            throw new IllegalArgumentException("no OpenFHE ciphertext of degree " + degree + " at level " + level
                    + " (degree 1..2, level 0.." + parameters.multiplicativeDepth() + ")");
        }
        return payloadSizes.computeIfAbsent(degree * 1000 + level, key -> measurePayload(degree, level));
    }

    /**
     * A ciphertext of this degree and level (an encryption of zero, computed once): the parameters and key
     * tag raw payloads are read into ({@link OpenFheBackendBase#readPayload}).
     */
    NativeCiphertext template(int degree, int level) {
        if (degree < 1 || degree > 2 || level < 0 || level > parameters.multiplicativeDepth()) {
            throw new IllegalArgumentException("no OpenFHE ciphertext of degree " + degree + " at level " + level);
        }
        return templates.computeIfAbsent(degree * 1000 + level, key -> {
            NativeCiphertext zero = new NativeCiphertext();
            context.encryptReplicated(publicKey, 0.0, openFheLevel(level), zero);
            if (degree == 2) {
                context.multiplyNoRelin(zero, zero, zero);
            }
            return zero;
        });
    }

    private int measurePayload(int degree, int level) {
        NativeCiphertext direct = new NativeCiphertext();
        context.encryptReplicated(publicKey, 0.0, openFheLevel(level), direct);
        if (degree == 2) {
            context.multiplyNoRelin(direct, direct, direct);
        }
        long largest = serialisedSize(direct);
        if (level < parameters.multiplicativeDepth()) {
            NativeCiphertext computed = new NativeCiphertext();
            context.encryptReplicated(publicKey, 0.0, 0, computed);
            for (int l = parameters.multiplicativeDepth(); l > level + 1; l--) {
                context.multiply(computed, computed, computed);
                context.rescale(computed, computed);
            }
            if (degree == 2) {
                context.multiplyNoRelin(computed, computed, computed);
            } else {
                context.multiply(computed, computed, computed);
            }
            context.rescale(computed, computed);
            largest = Math.max(largest, serialisedSize(computed));
        }
        long fixed = Integer.BYTES + (long) (degree + 1) * (level + 1) * parameters.ringDimension() * Long.BYTES
                + PAYLOAD_METADATA_BYTES;
        if (Integer.BYTES + largest > fixed) {
            throw new IllegalStateException("OpenFHE serialised a degree-" + degree + " level-" + level
                    + " ciphertext to " + largest + " bytes, more than the " + fixed + " bytes reserved for it;"
                    + " raise OpenFheEngine.PAYLOAD_METADATA_BYTES");
        }
        return Math.toIntExact(fixed);
    }

    private long serialisedSize(NativeCiphertext ct) {
        try (OpenFheShim.NativeBytes bytes = new OpenFheShim.NativeBytes()) {
            context.serialize(ct, bytes);
            return bytes.size();
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
