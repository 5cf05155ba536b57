package org.hersj.fhe.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The one frame around every HERS-J file (little-endian), after SEAL's serialisation header:
 * <pre>
 *   0  magic         8 bytes, ASCII, one per format ({@link Format#magic})
 *   8  major         u16: a reader refuses a major above its own ("written by a newer HERS-J")
 *  10  minor         u16: a newer minor only appends header fields, which an older reader skips
 *  12  header bytes  u32: fixed part + format fields + header SHA-256; the body starts here
 *  16  body bytes    u64
 *  24  body check    u8: 1 = SHA-256 of the body follows it, 2 = the body checks itself in CRC32C blocks
 *  25  reserved      3 zero bytes
 *  28  fields        the format's header fields (header bytes - 60 bytes; zero padding allowed)
 *  ..  SHA-256 of the header bytes before it (32)
 *  ..  body, then its SHA-256 (32) when body check = 1
 * </pre>
 * The file's size must be exactly header + body (+ 32). Every refusal names the source and what was
 * expected; the caller chooses the exception type ({@code refuse} turns a message into it). A checksum
 * catches accidents (truncation, bit rot), not an attacker, who can recompute it.
 *
 * @param format the format the file was read as
 * @param major its major version
 * @param minor its minor version
 * @param fields the format's header fields (read-only, little-endian; may hold fields of a newer minor)
 * @param body the body (read-only, little-endian); for {@link BodyCheck#CRC32C_BLOCKS} not read, empty
 * @param headerBytes where the body starts in the file
 * @param bodyBytes the body's length
 */
public record Envelope(Format format, int major, int minor, ByteBuffer fields, ByteBuffer body, int headerBytes,
        long bodyBytes) {

    /** Bytes of the fixed part before the fields. */
    public static final int FIXED_BYTES = 28;
    /** Bytes of a SHA-256 (header checksum and body trailer). */
    public static final int DIGEST_BYTES = Sha256.BYTES;
    /** Largest header a reader accepts (a damaged length must not allocate gigabytes). */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    /** How the body is protected. */
    public enum BodyCheck {
        /** A SHA-256 of the body follows it (whole-file formats). */
        SHA256(1),
        /** The body is fixed-size blocks each with its own CRC32C, checked by the format when it reads a block. */
        CRC32C_BLOCKS(2);

        private final int code;

        BodyCheck(int code) {
            this.code = code;
        }

        static BodyCheck ofCode(int code) {
            for (BodyCheck c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * One file format.
     *
     * @param name what the file is, for messages ("HERS-J CKKS key or ciphertext")
     * @param magic 8 ASCII characters that start every file of the format
     * @param major the major version this build writes and the highest it reads
     * @param minor the minor version this build writes
     * @param check how bodies of this format are protected
     */
    public record Format(String name, String magic, int major, int minor, BodyCheck check) {
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

        /** Whether {@code head} (a file's first bytes, at least 8) starts with this format's magic. */
        public boolean matches(byte[] head) {
            return head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), magicBytes());
        }
    }

    // ---- writing --------------------------------------------------------------------------------------

    /**
     * The header region of a file of {@code format}: fixed part, {@code fields}, zero padding up to
     * {@code minHeaderBytes} (0 for none; a format with blocks at fixed offsets pads to a round size) and the
     * header's SHA-256.
     */
    public static byte[] header(Format format, byte[] fields, int minHeaderBytes, long bodyBytes) {
        int size = Math.max(FIXED_BYTES + fields.length + DIGEST_BYTES, minHeaderBytes);
        if (size > MAX_HEADER_BYTES || bodyBytes < 0) {
            throw new IllegalArgumentException("an envelope header of " + size + " bytes or a body of " + bodyBytes
                    + " bytes is out of range");
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(format.magicBytes()).putShort((short) format.major()).putShort((short) format.minor()).putInt(size)
                .putLong(bodyBytes).put((byte) format.check().code).put(new byte[3]).put(fields);
        b.position(size - DIGEST_BYTES);
        b.put(Sha256.of(b.array(), 0, size - DIGEST_BYTES));
        return b.array();
    }

    /** A whole file of a {@link BodyCheck#SHA256} format: header, body, SHA-256 of the body. */
    public static byte[] wrap(Format format, byte[] fields, byte[] body) {
        if (format.check() != BodyCheck.SHA256) {
            throw new IllegalArgumentException(format.name() + " bodies are written block by block, not wrapped");
        }
        byte[] header = header(format, fields, 0, body.length);
        byte[] all = Arrays.copyOf(header, header.length + body.length + DIGEST_BYTES);
        System.arraycopy(body, 0, all, header.length, body.length);
        System.arraycopy(Sha256.of(body), 0, all, header.length + body.length, DIGEST_BYTES);
        return all;
    }

    // ---- reading --------------------------------------------------------------------------------------

    /**
     * Reads and checks a whole file of a {@link BodyCheck#SHA256} format.
     *
     * @param bytes the file's content
     * @param refuse turns a message (naming the source) into the exception the caller throws
     * @throws E if the magic, version, lengths or either checksum are wrong
     */
    public static <E extends Exception> Envelope read(byte[] bytes, Format format, String source,
            Function<String, E> refuse) throws E {
        Envelope e = readHeader(bytes, bytes.length, format, source, refuse);
        long expected = (long) e.headerBytes + e.bodyBytes + DIGEST_BYTES;
        if (bytes.length != expected) {
            throw refuse.apply(sizeProblem(source, format, bytes.length, expected));
        }
        int bodyAt = e.headerBytes;
        byte[] stored = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
        if (!MessageDigest.isEqual(stored, Sha256.of(bytes, bodyAt, (int) e.bodyBytes))) {
            throw refuse.apply(source + ": the " + format.name() + " fails its SHA-256 checksum: the file was damaged"
                    + " or modified; write it again");
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, bodyAt, (int) e.bodyBytes).slice().asReadOnlyBuffer()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new Envelope(format, e.major, e.minor, e.fields, body, e.headerBytes, e.bodyBytes);
    }

    /**
     * Reads and checks the header of a file whose first bytes are {@code head} and whose size is
     * {@code fileBytes}: magic, versions, header length and SHA-256; for a {@link BodyCheck#CRC32C_BLOCKS}
     * format also that the file is exactly header + body long unless {@code fileBytes} is negative (the
     * caller checks the size itself; a whole-file format checks it in {@link #read}).
     *
     * @param head at least the header's bytes ({@link #headerLength} says how many that is)
     * @throws E naming the source if anything is wrong
     */
    public static <E extends Exception> Envelope readHeader(byte[] head, long fileBytes, Format format, String source,
            Function<String, E> refuse) throws E {
        boolean magicPrefix = Arrays.equals(head, 0, Math.min(8, head.length), format.magicBytes(), 0,
                Math.min(8, head.length));
        if (!magicPrefix) {
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
        byte[] stored = Arrays.copyOfRange(head, h - DIGEST_BYTES, h);
        if (!MessageDigest.isEqual(stored, Sha256.of(head, 0, h - DIGEST_BYTES))) {
            throw refuse.apply(source + ": the " + format.name() + " header fails its SHA-256 checksum: the file was"
                    + " damaged or modified; write it again");
        }
        BodyCheck check = BodyCheck.ofCode(Byte.toUnsignedInt(head[24]));
        if (check != format.check()) {
            throw refuse.apply(source + ": body check " + head[24] + " is not the " + format.check() + " a "
                    + format.name() + " uses");
        }
        if (check == BodyCheck.CRC32C_BLOCKS && fileBytes >= 0 && fileBytes != headerBytes + bodyBytes) {
            throw refuse.apply(sizeProblem(source, format, fileBytes, headerBytes + bodyBytes));
        }
        if (check == BodyCheck.SHA256 && bodyBytes > Integer.MAX_VALUE - 2L * MAX_HEADER_BYTES) {
            throw refuse.apply(source + ": a body of " + bodyBytes + " bytes is too large for one " + format.name());
        }
        ByteBuffer fields = ByteBuffer.wrap(head, FIXED_BYTES, h - FIXED_BYTES - DIGEST_BYTES).slice()
                .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return new Envelope(format, major, minor, fields, ByteBuffer.allocate(0), h, bodyBytes);
    }

    /**
     * How many bytes the header starting with {@code fixed} (at least {@link #FIXED_BYTES}, magic already
     * checked) announces, so a streaming reader knows how much to read before {@link #readHeader}; 0 if
     * {@code fixed} is too short.
     */
    public static int headerLength(byte[] fixed) {
        if (fixed.length < FIXED_BYTES) {
            return 0;
        }
        long n = Integer.toUnsignedLong(ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN).getInt(12));
        return (int) Math.min(n, MAX_HEADER_BYTES);
    }

    /** The message for a file that does not start with {@code format}'s magic. */
    public static String wrongMagic(byte[] head, Format format, String source) {
        byte[] start = Arrays.copyOf(head, Math.min(8, head.length));
        StringBuilder shown = new StringBuilder();
        for (byte b : start) {
            shown.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return source + ": not a " + format.name() + " (it starts with \"" + shown + "\", expected \""
                + format.magic() + "\"); pass a file HERS-J wrote as a " + format.name();
    }

    /** The message for a major version older than {@code format}'s that no reader of this build handles. */
    public String unsupportedMajor(String source) {
        return source + ": " + format.name() + " format " + major + "." + minor + " is not one this build reads"
                + " (it reads up to " + format.major() + "); write it again with this HERS-J";
    }

    private static String sizeProblem(String source, Format format, long actual, long expected) {
        return source + ": " + (actual < expected ? "truncated" : "has extra bytes") + ", the " + format.name()
                + " header announces " + expected + " bytes but the file has " + actual;
    }
}
