package org.hersj.experiments.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The header of a NumPy {@code .npy} file (format versions 1 to 3): element type, shape and where the
 * element bytes start. Only little-endian, C-ordered float32, float64, int32 and int64 arrays are accepted;
 * anything else is refused with a message naming the file. Shared by the whole-file {@link NpyReader} and
 * the streaming {@link NpyRowStream}.
 *
 * @param type       element type
 * @param shape      array shape
 * @param dataOffset byte offset of the first element in the file
 */
public record NpyHeader(NpyArray.NpyType type, long[] shape, long dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Magic string, two version bytes and the longest (4-byte) header length field. */
    private static final int PREAMBLE_BYTES = 12;

    /** Copies the shape so the record stays immutable. */
    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Reads and checks the header at the start of an open file; the channel's position is left unspecified.
     *
     * @param file    the file, for messages
     * @param channel the open file
     * @return the header
     * @throws DataFormatException if the file is not a supported {@code .npy} array
     * @throws IOException         if the file cannot be read
     */
    public static NpyHeader read(Path file, FileChannel channel) throws IOException {
        ByteBuffer preamble = readAt(channel, 0, PREAMBLE_BYTES);
        for (byte b : MAGIC) {
            if (preamble.remaining() == 0 || preamble.get() != b) {
                throw new DataFormatException(file, "not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        if (preamble.remaining() < 4) {
            throw new DataFormatException(file, "truncated .npy header");
        }
        int major = preamble.get() & 0xff;
        preamble.get();
        long headerLength;
        if (major == 1) {
            headerLength = preamble.getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            if (preamble.remaining() < 4) {
                throw new DataFormatException(file, "truncated .npy header");
            }
            headerLength = preamble.getInt() & 0xffffffffL;
        } else {
            throw new DataFormatException(file, ".npy format version " + major + " is not supported; expected 1, 2 or 3");
        }
        long textStart = preamble.position();
        if (headerLength > channel.size() - textStart) {
            throw new DataFormatException(file, "truncated .npy header");
        }
        ByteBuffer textBytes = readAt(channel, textStart, Math.toIntExact(headerLength));
        String text = new String(textBytes.array(), 0, textBytes.limit(),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeaderDict dict = NpyHeaderDict.parse(file, text);
        NpyArray.NpyType type = parseType(file, dict.descr());
        if (dict.fortranOrder()) {
            throw new DataFormatException(file, "the array is stored in Fortran (column-major) order; expected C order."
                    + " Re-save it with numpy.save(path, numpy.ascontiguousarray(array))");
        }
        long[] shape = dict.shape();
        NpyHeader header = new NpyHeader(type, shape, textStart + headerLength);
        header.checkFileSize(file, channel.size());
        return header;
    }

    /** @return the number of elements the shape promises */
    public long elementCount() {
        long count = 1;
        for (long s : shape) {
            count = Math.multiplyExact(count, s);
        }
        return count;
    }

    /** @return the number of data bytes the shape promises */
    public long dataBytes() {
        return Math.multiplyExact(elementCount(), (long) type.bytes());
    }

    /**
     * Checks that this header describes a feature matrix: a non-empty 2-D float32 or float64 array.
     *
     * @param file the file, for messages
     * @throws DataFormatException otherwise
     */
    public void requireFeatureMatrix(Path file) {
        if (!type.isFloat()) {
            throw new DataFormatException(file, "features are " + type.code() + "; expected float32 or float64");
        }
        if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
            throw new DataFormatException(file, "features have shape " + shapeText(shape)
                    + "; expected a non-empty 2-D array (vectors, dimension)");
        }
    }

    private void checkFileSize(Path file, long fileSize) {
        long expectedBytes;
        try {
            expectedBytes = dataBytes();
        } catch (ArithmeticException e) {
            throw new DataFormatException(file, "the header promises shape " + shapeText(shape) + " of " + type.code()
                    + ", more than 2^63 bytes of data; the header is damaged");
        }
        long actualBytes = fileSize - dataOffset;
        if (actualBytes != expectedBytes) {
            throw new DataFormatException(file, "the header promises shape " + shapeText(shape) + " of " + type.code()
                    + " (" + expectedBytes + " bytes of data) but the file holds " + actualBytes + " bytes");
        }
    }

    /**
     * Reads up to {@code length} bytes at {@code offset} (fewer at the end of the file).
     *
     * @return a little-endian heap buffer, flipped for reading
     */
    private static ByteBuffer readAt(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        long at = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.flip();
    }

    private static NpyArray.NpyType parseType(Path file, String descr) {
        if (descr.length() < 2) {
            throw new DataFormatException(file, "unsupported element type '" + descr + "'");
        }
        char order = descr.charAt(0);
        NpyArray.NpyType type = NpyArray.NpyType.fromCode(descr.substring(1));
        if (order == '>' && type != null) {
            throw new DataFormatException(file, "the array is big-endian ('" + descr + "'); expected little-endian."
                    + " Re-save it with numpy.save(path, array.astype(array.dtype.newbyteorder('<')))");
        }
        if (type == null || (order != '<' && order != '=')) {
            throw new DataFormatException(file, "unsupported element type '" + descr
                    + "'; expected float32 ('<f4'), float64 ('<f8'), int32 ('<i4') or int64 ('<i8')");
        }
        return type;
    }

    /**
     * @param shape an array shape
     * @return the shape as NumPy prints it, e.g. {@code (865, 512)}
     */
    public static String shapeText(long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
