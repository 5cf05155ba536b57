package org.hersj.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1 to 3) holding little-endian, C-ordered float32,
 * float64, int32 or int64 arrays. Fortran order, big-endian data, other element types and truncated
 * files are refused with a message naming the file.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    /**
     * Reads a whole {@code .npy} file.
     *
     * @param file the file to read
     * @return its type, shape and data
     * @throws DataFormatException if the file is not a supported {@code .npy} array
     */
    public static NpyArray read(Path file) {
        ByteBuffer bytes = readAll(file);
        for (byte b : MAGIC) {
            if (bytes.remaining() == 0 || bytes.get() != b) {
                throw new DataFormatException(file, "not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        if (bytes.remaining() < 4) {
            throw new DataFormatException(file, "truncated .npy header");
        }
        int major = bytes.get() & 0xff;
        bytes.get();
        long headerLength;
        if (major == 1) {
            headerLength = bytes.getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            if (bytes.remaining() < 4) {
                throw new DataFormatException(file, "truncated .npy header");
            }
            headerLength = bytes.getInt() & 0xffffffffL;
        } else {
            throw new DataFormatException(file, ".npy format version " + major + " is not supported; expected 1, 2 or 3");
        }
        if (headerLength > bytes.remaining()) {
            throw new DataFormatException(file, "truncated .npy header");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        bytes.get(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyArray.NpyType type = parseType(file, header);
        if (field(file, header, FORTRAN, "fortran_order").equals("True")) {
            throw new DataFormatException(file, "the array is stored in Fortran (column-major) order; expected C order."
                    + " Re-save it with numpy.save(path, numpy.ascontiguousarray(array))");
        }
        long[] shape = parseShape(file, field(file, header, SHAPE, "shape"));
        long count = 1;
        for (long s : shape) {
            count = Math.multiplyExact(count, s);
        }
        long expectedBytes = Math.multiplyExact(count, (long) type.bytes());
        if (bytes.remaining() != expectedBytes) {
            throw new DataFormatException(file, "the header promises shape " + shapeText(shape) + " of " + type.code()
                    + " (" + expectedBytes + " bytes of data) but the file holds " + bytes.remaining() + " bytes");
        }
        return new NpyArray(type, shape, bytes);
    }

    private static ByteBuffer readAll(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 64) {
                throw new DataFormatException(file, "file of " + size + " bytes is larger than the 2 GB this reader supports");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading until full or end of file
            }
            buffer.flip();
            return buffer.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static NpyArray.NpyType parseType(Path file, String header) {
        String descr = field(file, header, DESCR, "descr");
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

    private static String field(Path file, String header, Pattern pattern, String name) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(file, "the .npy header has no '" + name + "' entry: " + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(Path file, String text) {
        String[] parts = text.split(",");
        int n = 0;
        long[] shape = new long[parts.length];
        for (String part : parts) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                shape[n++] = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "cannot read the shape (" + text + ") in the .npy header");
            }
        }
        return java.util.Arrays.copyOf(shape, n);
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
