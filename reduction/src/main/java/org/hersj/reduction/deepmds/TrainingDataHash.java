package org.hersj.reduction.deepmds;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of training rows and labels, as recorded in {@link ModelProvenance#trainingDataSha256()}. */
final class TrainingDataHash {

    private TrainingDataHash() {
    }

    /**
     * @param rows   the rows as given (not normalised)
     * @param labels the labels
     * @return lower-case hex SHA-256 of the rows (float32 LE, row-major) then the labels (int32 LE)
     */
    static String sha256(float[][] rows, int[] labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (float[] row : rows) {
                ByteBuffer buf = ByteBuffer.allocate(row.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(row);
                digest.update(buf);
            }
            ByteBuffer buf = ByteBuffer.allocate(labels.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asIntBuffer().put(labels);
            digest.update(buf);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
