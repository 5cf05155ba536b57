package org.hersj.fhe.ckks.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.hersj.fhe.io.Sha256;

/**
 * The frame of release 0.1.0 (format 1, before the {@link org.hersj.fhe.io.Envelope}), little-endian:
 * <pre>
 *   magic "HJCK" | version u16 | type u8 | reserved u8 | parameter fingerprint 32 bytes (SHA-256)
 *   | payload length u64 | payload | SHA-256 of everything before it (32 bytes)
 * </pre>
 * Still read ({@link Frame} dispatches here), and still what the key fingerprint of a public key hashes
 * ({@link CkksSerializer#publicKeyFingerprint}), so galleries enrolled under 0.1.0 keys keep matching them.
 */
final class FrameV1 {
    static final byte[] MAGIC = {'H', 'J', 'C', 'K'};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 2 + 1 + 1 + 32 + 8;
    static final int CHECKSUM_BYTES = 32;

    private FrameV1() {
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
     * Checks a format-1 frame's version, length and checksum.
     *
     * @param bytes the whole frame (its magic already matched)
     * @param source name of the source for messages (file name or "input")
     */
    static Frame.Parsed unwrap(byte[] bytes, String source) {
        if (bytes.length < HEADER_BYTES + CHECKSUM_BYTES) {
            throw new CkksFormatException(source + ": truncated, " + bytes.length + " bytes is shorter than a frame"
                    + " header and checksum (" + (HEADER_BYTES + CHECKSUM_BYTES) + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        in.position(MAGIC.length);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != VERSION) {
            throw new CkksFormatException(source + ": format version " + version + " of the \"HJCK\" frame is not"
                    + " supported (this build reads 1, and the current frame " + Frame.FORMAT.magic() + ")");
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
        ByteBuffer payload = ByteBuffer.wrap(bytes, HEADER_BYTES, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Frame.Parsed(tag, HexFormat.of().formatHex(fingerprint), payload);
    }

    /** Whether {@code head} starts a format-1 frame. */
    static boolean matches(byte[] head) {
        return head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), MAGIC);
    }

    /** The type announced by a format-1 header ({@code head} = its first 7 or more bytes), or null if none. */
    static ObjectType typeOf(byte[] head) {
        return head.length < 7 || !matches(head) ? null : ObjectType.ofTag(Byte.toUnsignedInt(head[6]));
    }

    static byte[] sha256(byte[] data, int offset, int length) {
        return Sha256.of(data, offset, length);
    }
}
