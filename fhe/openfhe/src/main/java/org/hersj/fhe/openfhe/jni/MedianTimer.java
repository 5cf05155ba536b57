package org.hersj.fhe.openfhe.jni;

import java.util.Arrays;

/** Median wall-clock time of an operation after as many untimed warm-up runs as timed ones. */
final class MedianTimer {
    private final int repetitions;

    MedianTimer(int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        this.repetitions = repetitions;
    }

    /** Median milliseconds of {@code operation}. */
    double millis(Runnable operation) {
        for (int i = 0; i < repetitions; i++) {
            operation.run();
        }
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            operation.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return repetitions % 2 == 1 ? millis[repetitions / 2]
                : (millis[repetitions / 2 - 1] + millis[repetitions / 2]) / 2;
    }
}
