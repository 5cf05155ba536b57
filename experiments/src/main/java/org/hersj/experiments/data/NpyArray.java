package org.hersj.experiments.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The contents of a NumPy {@code .npy} file as read by {@link NpyReader}: element type, shape and the
 * little-endian, C-ordered element bytes.
 *
 * @param type  element type
 * @param shape array shape (1-D or 2-D)
 * @param data  element bytes, little-endian, positioned at the first element
 */
public record NpyArray(NpyType type, long[] shape, ByteBuffer data) {

    /** Element types this project reads and writes. */
    public enum NpyType {
        /** {@code <f4}. */
        FLOAT32("f4", 4),
        /** {@code <f8}. */
        FLOAT64("f8", 8),
        /** {@code <i4}. */
        INT32("i4", 4),
        /** {@code <i8}. */
        INT64("i8", 8);

        private final String code;
        private final int bytes;

        NpyType(String code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** @return the NumPy type code without byte-order character, e.g. {@code f4} */
        public String code() {
            return code;
        }

        /** @return bytes per element */
        public int bytes() {
            return bytes;
        }

        /** @return whether this is a floating-point type */
        public boolean isFloat() {
            return this == FLOAT32 || this == FLOAT64;
        }

        /**
         * @param code a type code without byte order, e.g. {@code f4}
         * @return the matching type, or {@code null}
         */
        public static NpyType fromCode(String code) {
            return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst().orElse(null);
        }
    }

    /** Makes the buffer little-endian. */
    public NpyArray {
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the number of elements */
    public long elementCount() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /**
     * @param index flat element index
     * @return the element as a double
     */
    public double getDouble(long index) {
        int at = Math.toIntExact(index * type.bytes());
        return switch (type) {
            case FLOAT32 -> data.getFloat(at);
            case FLOAT64 -> data.getDouble(at);
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
        };
    }

    /**
     * @param index flat element index of an integer array
     * @return the element as a long
     */
    public long getLong(long index) {
        int at = Math.toIntExact(index * type.bytes());
        return switch (type) {
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
            default -> throw new IllegalStateException("not an integer array: " + type);
        };
    }
}
