package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The special FFT against the definition, evaluated term by term: slot k of packed coefficients w is
 * sum_j w_j zeta^(5^k j) with zeta = exp(2 pi i / (4 n)), for every stage size from 4 to 4,096 slots.
 */
class SpecialFftTest {

    @Test
    void forwardEvaluatesAtZetaToThe5ToTheK() {
        for (int slots = 4; slots <= 4096; slots <<= 1) {
            double[][] w = randomPacked(slots, slots);
            double[] re = w[0].clone();
            double[] im = w[1].clone();
            new SpecialFft(slots).forward(re, im);
            double[][] expected = evaluate(w[0], w[1]);
            double error = largestDifference(re, im, expected[0], expected[1]);
            // double rounding over log2(n) stages of sums of n terms of magnitude <= 1
            assertTrue(error < 1e-12 * slots, slots + " slots: largest difference from the definition " + error);
        }
    }

    @Test
    void inverseIsTheInverseOfTheDefinition() {
        for (int slots = 4; slots <= 4096; slots <<= 1) {
            double[][] w = randomPacked(slots, 31L * slots);
            double[][] values = evaluate(w[0], w[1]);
            double[] re = values[0].clone();
            double[] im = values[1].clone();
            new SpecialFft(slots).inverse(re, im);
            double error = largestDifference(re, im, w[0], w[1]);
            assertTrue(error < 1e-12 * slots, slots + " slots: largest difference after the inverse " + error);
        }
    }

    private static double[][] randomPacked(int slots, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] re = new double[slots];
        double[] im = new double[slots];
        for (int j = 0; j < slots; j++) {
            re[j] = 2 * random.nextDouble() - 1;
            im[j] = 2 * random.nextDouble() - 1;
        }
        return new double[][] {re, im};
    }

    private static double[][] evaluate(double[] wr, double[] wi) {
        int slots = wr.length;
        long m = 4L * slots;
        double[] re = new double[slots];
        double[] im = new double[slots];
        long g = 1;
        for (int k = 0; k < slots; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < slots; j++) {
                double angle = 2 * Math.PI * ((g * j) % m) / m;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                sr += wr[j] * c - wi[j] * s;
                si += wr[j] * s + wi[j] * c;
            }
            re[k] = sr;
            im[k] = si;
            g = g * 5 % m;
        }
        return new double[][] {re, im};
    }

    private static double largestDifference(double[] re, double[] im, double[] er, double[] ei) {
        double largest = 0;
        for (int k = 0; k < re.length; k++) {
            largest = Math.max(largest, Math.max(Math.abs(re[k] - er[k]), Math.abs(im[k] - ei[k])));
        }
        return largest;
    }
}
