package org.hersj.fhe.ckks.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.hersj.fhe.io.Sha256;

/**
 * The frame around every serialised object (little-endian):
 * <pre>
 *   magic "HJCK" | version u16 | type u8 | reserved u8 | parameter fingerprint 32 bytes (SHA-256)
 *   | payload length u64 | payload | SHA-256 of everything before it (32 bytes)
 * </pre>
 */
final class Frame {
    static final byte[] MAGIC = {'H', 'J', 'C', 'K'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 2 + 1 + 1 + 32 + 8;
    static final int CHECKSUM_BYTES = 32;

    private Frame() {
    }

    static byte[] wrap(ObjectType type, String fingerprintHex, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload.length + CHECKSUM_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) VERSION).put((byte) type.tag()).put((byte) 0);
        out.put(HexFormat.of().parseHex(fingerprintHex));
        out.putLong(payload.length);
        out.put(payload);
        out.put(sha256(out.array(), 0, out.position()));
        return out.array();
    }

    /**
     * Checks the frame and returns its payload.
     *
     * @param bytes the whole frame
     * @param expected expected type
     * @param fingerprintHex expected fingerprint, or null to accept any (then use {@link #fingerprint})
     * @param source name of the source for messages (file name or "input")
     */
    static ByteBuffer unwrap(byte[] bytes, ObjectType expected, String fingerprintHex, String source) {
        if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
            throw new CkksFormatException(source + ": truncated, " + bytes.length + " bytes is shorter than a frame"
                    + " header and checksum (" + (HEADER_BYTES + CHECKSUM_BYTES) + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CkksFormatException(source + ": not a HERS-J CKKS object (magic bytes "
                    + HexFormat.of().formatHex(magic) + ", expected 484a434b \"HJCK\")");
        }
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw new CkksFormatException(source + ": format version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        int tag = Byte.toUnsignedInt(in.get());
        in.get();
        byte[] fingerprint = new byte[32];
        in.get(fingerprint);
        long length = in.getLong();
        long expectedTotal = HEADER_BYTES + length + CHECKSUM_BYTES;
        if (length < 0 || expectedTotal != bytes.length) {
            throw new CkksFormatException(source + ": " + (length >= 0 && bytes.length < expectedTotal ? "truncated" : "bad length")
                    + ", the header announces " + expectedTotal + " bytes but there are " + bytes.length);
        }
        byte[] checksum = sha256(bytes, 0, bytes.length - CHECKSUM_BYTES);
        if (!MessageDigest.isEqual(checksum, Arrays.copyOfRange(bytes, bytes.length - CHECKSUM_BYTES, bytes.length))) {
            throw new CkksFormatException(source + ": checksum mismatch, the data is corrupted");
        }
        ObjectType type = ObjectType.ofTag(tag);
        if (type != expected) {
            throw new CkksFormatException(source + ": holds " + (type == null ? "unknown type " + tag : type) + ", expected "
                    + expected);
        }
        String found = HexFormat.of().formatHex(fingerprint);
        if (fingerprintHex != null && !fingerprintHex.equals(found)) {
            throw new CkksFormatException(source + ": made under other CKKS parameters (fingerprint " + found.substring(0, 16)
                    + "..., expected " + fingerprintHex.substring(0, 16) + "...); load it with the parameters it was made with");
        }
        return ByteBuffer.wrap(bytes, HEADER_BYTES, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The type announced by a frame's header ({@code head} = its first 7 or more bytes), or null if none. */
    static ObjectType typeOf(byte[] head) {
        if (head.length < 7 || !Arrays.equals(Arrays.copyOf(head, 4), MAGIC)) {
            return null;
        }
        return ObjectType.ofTag(Byte.toUnsignedInt(head[6]));
    }

    static String fingerprint(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 8, 40);
    }

    static byte[] sha256(byte[] data, int offset, int length) {
        return Sha256.of(data, offset, length);
    }
}
