package org.hersj.experiments.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads identity labels: an int32 or int64 {@code .npy} vector (shape {@code (n,)} or {@code (n, 1)}), or a
 * text file with one integer label per line. Label {@code -1} marks a distractor.
 */
public final class LabelReader {

    private LabelReader() {
    }

    /**
     * @param file a {@code .npy} file or a text file
     * @return the labels in file order
     * @throws DataFormatException if the file is not an integer label vector
     */
    public static int[] read(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")
                ? readNpy(file) : readText(file);
    }

    private static int[] readNpy(Path file) {
        NpyArray array = NpyReader.read(file);
        if (array.type().isFloat()) {
            throw new DataFormatException(file, "labels are " + array.type().code()
                    + "; expected integer labels (int32 or int64)");
        }
        long[] shape = array.shape();
        boolean vector = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
        if (!vector) {
            throw new DataFormatException(file, "labels have shape " + NpyHeader.shapeText(shape)
                    + "; expected a vector of shape (n,) or (n, 1)");
        }
        int[] labels = new int[Math.toIntExact(shape[0])];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = checkedLabel(file, "entry " + i, array.getLong(i));
        }
        return labels;
    }

    private static int[] readText(Path file) {
        int[] labels = new int[1024];
        int n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String text = line.trim();
                if (text.isEmpty()) {
                    continue;
                }
                long value;
                try {
                    value = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, "line " + lineNumber + ": '" + text
                            + "' is not an integer label; expected one integer per line");
                }
                if (n == labels.length) {
                    labels = Arrays.copyOf(labels, n * 2);
                }
                labels[n++] = checkedLabel(file, "line " + lineNumber, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Arrays.copyOf(labels, n);
    }

    private static int checkedLabel(Path file, String where, long value) {
        if (value < Dataset.DISTRACTOR || value > Integer.MAX_VALUE) {
            throw new DataFormatException(file, where + ": label " + value
                    + " is out of range; expected 0.." + Integer.MAX_VALUE + ", or -1 for a distractor");
        }
        return (int) value;
    }
}
