package org.hersj.fhe.openfhe.jni;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * Single-thread median times of the search's homomorphic operations, measured through the search
 * layer's backend interfaces so any engine is timed the same way: public-key encryption of a full
 * column, product with relinearisation, product accumulated without relinearisation, relinearise +
 * rescale, rescale, and one HERS block (d accumulated products, one relinearisation and rescale), term by
 * term and as the search runs it (probe prepared once, one {@code innerProduct} call).
 * Wall-clock times on a possibly shared machine: noisy; medians resist outliers.
 */
public final class BackendOperationTimer {
    private final EncryptionBackend enroller;
    private final ServerBackend server;
    private final MedianTimer timer;

    /**
     * A timer for one engine's key set.
     *
     * @param repetitions timed runs per operation (after as many untimed warm-up runs)
     */
    public BackendOperationTimer(EncryptionBackend enroller, ServerBackend server, int repetitions) {
        if (!enroller.keyFingerprint().equals(server.keyFingerprint())) {
            throw new IllegalArgumentException("enroller and server backends belong to different keys");
        }
        this.enroller = enroller;
        this.server = server;
        this.timer = new MedianTimer(repetitions);
    }

    /** Median milliseconds per operation, by operation name, in a fixed order; block uses {@code dimension}. */
    public Map<String, Double> medianMillis(int dimension) {
        int fresh = server.freshLevel();
        BlockEvaluator evaluator = server.newEvaluator();
        double[] column = randomColumn(enroller.slots());
        BackendCiphertext a = encrypted(column);
        BackendCiphertext b = encrypted(column);
        BackendCiphertext product = server.newCiphertext(1, fresh);
        BackendCiphertext acc2 = server.newCiphertext(2, fresh);
        BackendCiphertext score = server.newCiphertext(1, server.scoreLevel());
        BackendCiphertext[] gallery = new BackendCiphertext[dimension];
        BackendCiphertext[] probe = new BackendCiphertext[dimension];
        for (int j = 0; j < dimension; j++) {
            gallery[j] = encrypted(column);
            probe[j] = server.newCiphertext(1, fresh);
            enroller.encryptReplicated(0.125, probe[j]);
        }
        Map<String, Double> times = new LinkedHashMap<>();
        times.put("encrypt column", median(() -> enroller.encryptColumn(column, product)));
        times.put("multiply + relinearise", median(() -> evaluator.multiplyRelinearize(a, b, product)));
        times.put("multiply, no relinearisation (accumulated)", median(() -> {
            evaluator.clear(acc2);
            evaluator.multiplyAccumulate(a, b, acc2);
        }));
        evaluator.clear(acc2);
        evaluator.multiplyAccumulate(a, b, acc2);
        times.put("relinearise + rescale", median(() -> evaluator.relinearizeAndRescale(acc2, score)));
        evaluator.multiplyRelinearize(a, b, product);
        times.put("rescale", median(() -> evaluator.rescale(product, score)));
        times.put("HERS block, d=" + dimension, median(() -> {
            evaluator.clear(acc2);
            for (int j = 0; j < dimension; j++) {
                evaluator.multiplyAccumulate(gallery[j], probe[j], acc2);
            }
            evaluator.relinearizeAndRescale(acc2, score);
        }));
        times.put("HERS block, d=" + dimension + ", degree two (the java default: no relinearisation or rescale)",
                median(() -> {
                    evaluator.clear(acc2);
                    for (int j = 0; j < dimension; j++) {
                        evaluator.multiplyAccumulate(gallery[j], probe[j], acc2);
                    }
                }));
        // The same block as the search runs it: the probe prepared once (BlockEvaluator#prepareFixed, which
        // OpenFHE's backend leaves as is), then one innerProduct call per block.
        BackendCiphertext[] prepared = evaluator.prepareFixed(probe);
        times.put("HERS block, d=" + dimension + ", probe prepared (the search path)", median(() -> {
            evaluator.innerProduct(prepared, gallery, dimension, acc2);
            evaluator.relinearizeAndRescale(acc2, score);
        }));
        times.put("HERS block, d=" + dimension + ", probe prepared, degree two",
                median(() -> evaluator.innerProduct(prepared, gallery, dimension, acc2)));
        return times;
    }

    private BackendCiphertext encrypted(double[] column) {
        BackendCiphertext ct = enroller.newCiphertext(1, enroller.freshLevel());
        enroller.encryptColumn(column, ct);
        return ct;
    }

    private double median(Runnable operation) {
        return timer.millis(operation);
    }

    static double[] randomColumn(int slots) {
        SplittableRandom random = new SplittableRandom(42);
        double[] column = new double[slots];
        for (int i = 0; i < slots; i++) {
            column[i] = 2 * random.nextDouble() - 1;
        }
        return column;
    }
}
