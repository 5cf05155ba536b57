package org.hersj.fhe.ckks.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.hersj.fhe.io.Envelope;

/**
 * The frame around every serialised object: an {@link Envelope} of format {@link #FORMAT} (major 2) whose
 * header fields are the object type (u8) and the parameter fingerprint (32 bytes, SHA-256), and whose body
 * is the payload. Reading dispatches on the version: format 1 (release 0.1.0, magic "HJCK") is read by
 * {@link FrameV1}; both then go through the same type and fingerprint checks.
 */
final class Frame {
    /** The envelope format of CKKS objects; major 1 is the "HJCK" frame of 0.1.0. */
    static final Envelope.Format FORMAT = new Envelope.Format("HERS-J CKKS object (parameters, key or ciphertext)",
            "HJFHEOBJ", 2, 0, Envelope.BodyCheck.SHA256);
    private static final int FIELD_BYTES = 1 + 32;

    /** A checked frame: type tag, fingerprint (hex) and payload. */
    record Parsed(int tag, String fingerprint, ByteBuffer payload) {
    }

    private Frame() {
    }

    static byte[] wrap(ObjectType type, String fingerprintHex, byte[] payload) {
        ByteBuffer fields = ByteBuffer.allocate(FIELD_BYTES);
        fields.put((byte) type.tag()).put(HexFormat.of().parseHex(fingerprintHex));
        return Envelope.wrap(FORMAT, fields.array(), payload);
    }

    /**
     * Checks the frame and returns its payload.
     *
     * @param bytes the whole frame
     * @param expected expected type
     * @param fingerprintHex expected fingerprint, or null to accept any (then use {@link #parse})
     * @param source name of the source for messages (file name or "input")
     */
    static ByteBuffer unwrap(byte[] bytes, ObjectType expected, String fingerprintHex, String source) {
        Parsed p = parse(bytes, source);
        ObjectType type = ObjectType.ofTag(p.tag());
        if (type != expected) {
            throw new CkksFormatException(source + ": holds " + (type == null ? "unknown type " + p.tag() : type)
                    + ", expected " + expected);
        }
        if (fingerprintHex != null && !fingerprintHex.equals(p.fingerprint())) {
            throw new CkksFormatException(source + ": made under other CKKS parameters (fingerprint "
                    + p.fingerprint().substring(0, 16) + "..., expected " + fingerprintHex.substring(0, 16)
                    + "...); load it with the parameters it was made with");
        }
        return p.payload();
    }

    /** Checks a frame of either format (magic, version, lengths, checksums) and returns its parts. */
    static Parsed parse(byte[] bytes, String source) {
        if (FrameV1.matches(bytes)) {
            return FrameV1.unwrap(bytes, source);
        }
        Envelope e = Envelope.read(bytes, FORMAT, source, CkksFormatException::new);
        if (e.major() != FORMAT.major()) {
            throw new CkksFormatException(e.unsupportedMajor(source));
        }
        ByteBuffer fields = e.fields();
        if (fields.remaining() < FIELD_BYTES) {
            throw new CkksFormatException(source + ": header fields of " + fields.remaining() + " bytes, expected at"
                    + " least " + FIELD_BYTES + " (type and parameter fingerprint)");
        }
        int tag = Byte.toUnsignedInt(fields.get(0));
        byte[] fingerprint = new byte[32];
        fields.get(1, fingerprint);
        return new Parsed(tag, HexFormat.of().formatHex(fingerprint), e.body().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The type announced by a frame's header ({@code head} = its first {@link #TYPE_PROBE_BYTES}), or null. */
    static ObjectType typeOf(byte[] head) {
        if (FrameV1.matches(head)) {
            return FrameV1.typeOf(head);
        }
        return head.length > Envelope.FIXED_BYTES && FORMAT.matches(head)
                ? ObjectType.ofTag(Byte.toUnsignedInt(head[Envelope.FIXED_BYTES])) : null;
    }

    /** Bytes of a file's head that {@link #typeOf} reads. */
    static final int TYPE_PROBE_BYTES = Envelope.FIXED_BYTES + 1;
}
