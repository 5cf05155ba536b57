package org.hersj.fhe.openfhe.jni;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeBytes;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * The parts of {@link SearchBackend} every OpenFHE role shares: identity, allocation and fixed-size
 * payloads. A payload is a 4-byte big-endian length, OpenFHE's own binary serialisation of the
 * ciphertext, and zero padding up to {@link #payloadBytes}.
 */
abstract class OpenFheBackendBase implements SearchBackend {
    /** Engine name written to file headers; differs from our engine's so files never cross engines. */
    static final String ENGINE_NAME = "openfhe-ckks";

    final OpenFheEngine engine;

    OpenFheBackendBase(OpenFheEngine engine) {
        this.engine = engine;
    }

    @Override
    public String engineName() {
        return ENGINE_NAME;
    }

    @Override
    public int slots() {
        return engine.parameters().slots();
    }

    @Override
    public String parameterFingerprint() {
        return engine.fingerprint();
    }

    @Override
    public String keyFingerprint() {
        return engine.keyFingerprint();
    }

    @Override
    public String describeParameters() {
        return engine.parameters().describe();
    }

    @Override
    public int freshLevel() {
        return engine.parameters().multiplicativeDepth();
    }

    @Override
    public int payloadBytes(int degree, int level) {
        return engine.payloadBytes(degree, level);
    }

    @Override
    public OpenFheCiphertext newCiphertext(int degree, int level) {
        return new OpenFheCiphertext(engine, degree, level);
    }

    /** First int of a raw payload ({@link NativeContext#writeRaw}); a positive one is the cereal length. */
    static final int RAW_MARKER = -1;

    /**
     * Writes the fixed-size payload: {@link #RAW_MARKER}, then the ciphertext raw (scale, noise degree, level,
     * NTT-form residues; no cereal), zero padding. Cereal payloads (a positive length, then OpenFHE's binary
     * serialisation) of earlier files are still read.
     */
    @Override
    public void writePayload(ByteBuffer out, BackendCiphertext ct) {
        OpenFheCiphertext own = OpenFheCiphertext.of(ct, engine);
        int size = payloadBytes(own.degree(), own.level());
        byte[] data = new byte[size];
        ByteBuffer.wrap(data).putInt(RAW_MARKER);
        byte[] raw = new byte[size - Integer.BYTES];
        engine.context().writeRaw(own.handle(), raw, raw.length);
        System.arraycopy(raw, 0, data, Integer.BYTES, raw.length);
        out.put(data);
    }

    @Override
    public void readPayload(ByteBuffer in, BackendCiphertext out) {
        OpenFheCiphertext own = OpenFheCiphertext.of(out, engine);
        int size = payloadBytes(own.degree(), own.level());
        byte[] data = new byte[size];
        try {
            in.get(data);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("OpenFHE payload truncated: expected " + size + " bytes", e);
        }
        int length = ByteBuffer.wrap(data).getInt();
        try {
            if (length == RAW_MARKER) {
                byte[] raw = new byte[size - Integer.BYTES];
                System.arraycopy(data, Integer.BYTES, raw, 0, raw.length);
                engine.context().readRaw(raw, raw.length, engine.template(own.degree(), own.level()), own.handle());
            } else {
                if (length <= 0 || length > size - Integer.BYTES) {
                    throw new IllegalArgumentException("not an OpenFHE ciphertext payload: length field " + length
                            + " outside 1.." + (size - Integer.BYTES));
                }
                byte[] serialised = new byte[length];
                System.arraycopy(data, Integer.BYTES, serialised, 0, length);
                engine.context().deserialize(serialised, length, own.handle());
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("OpenFHE could not read the ciphertext payload: " + e.getMessage(), e);
        }
        own.checkShape("reading a payload");
    }
}
