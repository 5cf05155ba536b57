package org.hersj.reduction.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The project's file envelope, the part of {@code org.hersj.fhe.io.Envelope} that model files use, copied
 * because this module may not depend on fhe; the same bytes and the same refusals (a test in
 * {@code experiments} holds the two to that). Little-endian:
 * <pre>
 *   magic 8 | major u16 | minor u16 | header bytes u32 | body bytes u64 | body check u8 (1 = SHA-256)
 *   | 3 zero bytes | header fields | SHA-256 of the header before it | body | SHA-256 of the body
 * </pre>
 * A major above the reader's is refused as written by a newer HERS-J; a newer minor only adds header
 * fields, which an older reader skips.
 *
 * @param major the file's major version
 * @param minor the file's minor version
 * @param fields the header fields (read-only, little-endian)
 * @param body the body (read-only, little-endian)
 */
public record Envelope(int major, int minor, ByteBuffer fields, ByteBuffer body) {

    /** Bytes of the fixed part before the fields. */
    public static final int FIXED_BYTES = 28;
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int SHA256_BODY = 1;

    /**
     * One file format whose body is protected by a SHA-256.
     *
     * @param name what the file is, for messages
     * @param magic 8 ASCII characters that start every file of the format
     * @param major the major version written and the highest read
     * @param minor the minor version written
     */
    public record Format(String name, String magic, int major, int minor) {
        /** Validates the fields. */
        public Format {
            if (magic.length() != 8 || !StandardCharsets.US_ASCII.newEncoder().canEncode(magic)) {
                throw new IllegalArgumentException("an envelope magic is 8 ASCII characters, got '" + magic + "'");
            }
            if (major < 1 || major > 0xffff || minor < 0 || minor > 0xffff) {
                throw new IllegalArgumentException("versions are u16, major >= 1: " + major + "." + minor);
            }
        }

        byte[] magicBytes() {
            return magic.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A whole file: header with {@code fields}, {@code body}, SHA-256 of the body. */
    public static byte[] wrap(Format format, byte[] fields, byte[] body) {
        int size = FIXED_BYTES + fields.length + DIGEST_BYTES;
        ByteBuffer b = ByteBuffer.allocate(size + body.length + DIGEST_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(format.magicBytes()).putShort((short) format.major()).putShort((short) format.minor()).putInt(size)
                .putLong(body.length).put((byte) SHA256_BODY).put(new byte[3]).put(fields);
        b.put(sha256(b.array(), 0, size - DIGEST_BYTES));
        b.put(body).put(sha256(body, 0, body.length));
        return b.array();
    }

    /**
     * Reads and checks a whole file.
     *
     * @param refuse turns a message (naming the source) into the exception the caller throws
     * @throws E if the magic, version, lengths or either checksum are wrong
     */
    public static <E extends Exception> Envelope read(byte[] head, Format format, String source,
            Function<String, E> refuse) throws E {
        int prefix = Math.min(8, head.length);
        if (!Arrays.equals(head, 0, prefix, format.magicBytes(), 0, prefix)) {
            throw refuse.apply(wrongMagic(head, format, source));
        }
        if (head.length < FIXED_BYTES + DIGEST_BYTES) {
            throw refuse.apply(source + ": truncated, " + head.length + " bytes is shorter than a " + format.name()
                    + " header");
        }
        ByteBuffer in = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int major = Short.toUnsignedInt(in.getShort(8));
        int minor = Short.toUnsignedInt(in.getShort(10));
        if (major > format.major()) {
            throw refuse.apply(source + ": written by a newer HERS-J (" + format.name() + " format " + major + "."
                    + minor + ", this build reads up to " + format.major() + "." + format.minor()
                    + "): upgrade HERS-J to read it");
        }
        long headerBytes = Integer.toUnsignedLong(in.getInt(12));
        long bodyBytes = in.getLong(16);
        if (headerBytes < FIXED_BYTES + DIGEST_BYTES || headerBytes > MAX_HEADER_BYTES || bodyBytes < 0) {
            throw refuse.apply(source + ": damaged " + format.name() + " header (header of " + headerBytes
                    + " bytes, body of " + bodyBytes + " bytes)");
        }
        if (head.length < headerBytes) {
            throw refuse.apply(source + ": truncated inside its " + headerBytes + "-byte header (" + head.length
                    + " bytes)");
        }
        int h = (int) headerBytes;
        if (!MessageDigest.isEqual(Arrays.copyOfRange(head, h - DIGEST_BYTES, h), sha256(head, 0, h - DIGEST_BYTES))) {
            throw refuse.apply(source + ": the " + format.name() + " header fails its SHA-256 checksum: the file was"
                    + " damaged or modified; write it again");
        }
        if (head[24] != SHA256_BODY) {
            throw refuse.apply(source + ": body check " + head[24] + " is not the SHA256 a " + format.name()
                    + " uses");
        }
        if (bodyBytes > Integer.MAX_VALUE - 2L * MAX_HEADER_BYTES) {
            throw refuse.apply(source + ": a body of " + bodyBytes + " bytes is too large for one " + format.name());
        }
        long expected = headerBytes + bodyBytes + DIGEST_BYTES;
        if (head.length != expected) {
            throw refuse.apply(source + ": " + (head.length < expected ? "truncated" : "has extra bytes") + ", the "
                    + format.name() + " header announces " + expected + " bytes but the file has " + head.length);
        }
        byte[] stored = Arrays.copyOfRange(head, head.length - DIGEST_BYTES, head.length);
        if (!MessageDigest.isEqual(stored, sha256(head, h, (int) bodyBytes))) {
            throw refuse.apply(source + ": the " + format.name() + " fails its SHA-256 checksum: the file was damaged"
                    + " or modified; write it again");
        }
        ByteBuffer fields = ByteBuffer.wrap(head, FIXED_BYTES, h - FIXED_BYTES - DIGEST_BYTES).slice()
                .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer body = ByteBuffer.wrap(head, h, (int) bodyBytes).slice().asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new Envelope(major, minor, fields, body);
    }

    private static String wrongMagic(byte[] head, Format format, String source) {
        StringBuilder shown = new StringBuilder();
        for (byte b : Arrays.copyOf(head, Math.min(8, head.length))) {
            shown.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return source + ": not a " + format.name() + " (it starts with \"" + shown + "\", expected \""
                + format.magic() + "\"); pass a file HERS-J wrote as a " + format.name();
    }

    private static byte[] sha256(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK offers no SHA-256", e);
        }
    }
}
