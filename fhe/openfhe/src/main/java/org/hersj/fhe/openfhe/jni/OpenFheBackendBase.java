package org.hersj.fhe.openfhe.jni;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeBytes;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * The parts of {@link SearchBackend} every OpenFHE role shares: identity, allocation and fixed-size
 * payloads. A payload is a 4-byte big-endian {@link #RAW_MARKER}, the ciphertext raw, and zero padding up
 * to {@link #payloadBytes}; earlier files hold a 4-byte big-endian length and OpenFHE's own binary
 * serialisation instead.
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

    private static final byte[] RAW_MARKER_BYTES = ByteBuffer.allocate(Integer.BYTES).putInt(RAW_MARKER).array();

    /**
     * Writes the fixed-size payload: {@link #RAW_MARKER} (big-endian), then the ciphertext raw (scale, noise
     * degree, level, NTT-form residues; no cereal), zero padding. Cereal payloads (a positive length, then
     * OpenFHE's binary serialisation) of earlier files are still read.
     */
    @Override
    public void writePayload(ByteBuffer out, BackendCiphertext ct) {
        OpenFheCiphertext own = OpenFheCiphertext.of(ct, engine);
        byte[] raw = new byte[payloadBytes(own.degree(), own.level()) - Integer.BYTES];
        engine.context().writeRaw(own.handle(), raw, raw.length);
        if (out.remaining() < Integer.BYTES + raw.length) {
            throw new BufferOverflowException();
        }
        out.put(RAW_MARKER_BYTES).put(raw);
    }

    @Override
    public void readPayload(ByteBuffer in, BackendCiphertext out) {
        OpenFheCiphertext own = OpenFheCiphertext.of(out, engine);
        int size = payloadBytes(own.degree(), own.level());
        if (in.remaining() < size) {
            throw new IllegalArgumentException("OpenFHE payload truncated: expected " + size + " bytes, "
                    + in.remaining() + " left");
        }
        int first = in.getInt();
        int length = in.order() == ByteOrder.BIG_ENDIAN ? first : Integer.reverseBytes(first);
        byte[] body = new byte[size - Integer.BYTES];
        in.get(body);
        try {
            if (length == RAW_MARKER) {
                engine.context().readRaw(body, body.length, engine.template(own.degree(), own.level()), own.handle());
            } else {
                if (length <= 0 || length > body.length) {
                    throw new IllegalArgumentException("not an OpenFHE ciphertext payload: length field " + length
                            + " outside 1.." + body.length);
                }
                engine.context().deserialize(body, length, own.handle());
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("OpenFHE could not read the ciphertext payload: " + e.getMessage(), e);
        }
        own.checkShape("reading a payload");
    }
}
