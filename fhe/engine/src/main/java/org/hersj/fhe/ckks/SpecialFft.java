package org.hersj.fhe.ckks;

/**
 * The "special" FFT of CKKS: evaluates a polynomial of Z[X]/(X^N + 1), packed as n = N/2 complex numbers
 * w_j = m_j + i m_{j+n}, at the points zeta^(5^k), k = 0 .. n-1 (zeta = exp(i pi / N)), and its inverse.
 * Slot k of a message is the value at zeta^(5^k), so X -&gt; X^5 rotates the slots by one to the left.
 * Immutable and thread-safe.
 */
final class SpecialFft {
    private final int slots;
    private final int m;
    private final int[] rotationGroup;
    private final double[] cos;
    private final double[] sin;

    /** @param slots n = N/2, a power of two */
    SpecialFft(int slots) {
        this.slots = slots;
        this.m = 4 * slots;
        rotationGroup = new int[slots];
        int g = 1;
        for (int k = 0; k < slots; k++) {
            rotationGroup[k] = g;
            g = (int) ((5L * g) % m);
        }
        cos = new double[m + 1];
        sin = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            double angle = 2 * Math.PI * k / m;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    /** In place: packed coefficients (re, im) -&gt; slot values. */
    void forward(double[] re, double[] im) {
        bitReverse(re, im);
        for (int len = 2; len <= slots; len <<= 1) {
            int half = len >> 1;
            int quarterPeriod = len << 2;
            int gap = m / quarterPeriod;
            for (int i = 0; i < slots; i += len) {
                for (int j = 0; j < half; j++) {
                    int index = (rotationGroup[j] % quarterPeriod) * gap;
                    int a = i + j;
                    int b = a + half;
                    double vr = re[b] * cos[index] - im[b] * sin[index];
                    double vi = re[b] * sin[index] + im[b] * cos[index];
                    double ur = re[a];
                    double ui = im[a];
                    re[a] = ur + vr;
                    im[a] = ui + vi;
                    re[b] = ur - vr;
                    im[b] = ui - vi;
                }
            }
        }
    }

    /** In place: slot values -&gt; packed coefficients (re, im). */
    void inverse(double[] re, double[] im) {
        for (int len = slots; len >= 2; len >>= 1) {
            int half = len >> 1;
            int quarterPeriod = len << 2;
            int gap = m / quarterPeriod;
            for (int i = 0; i < slots; i += len) {
                for (int j = 0; j < half; j++) {
                    int index = (quarterPeriod - rotationGroup[j] % quarterPeriod) * gap;
                    int a = i + j;
                    int b = a + half;
                    double ur = re[a] + re[b];
                    double ui = im[a] + im[b];
                    double dr = re[a] - re[b];
                    double di = im[a] - im[b];
                    re[a] = ur;
                    im[a] = ui;
                    re[b] = dr * cos[index] - di * sin[index];
                    im[b] = dr * sin[index] + di * cos[index];
                }
            }
        }
        bitReverse(re, im);
        for (int k = 0; k < slots; k++) {
            re[k] /= slots;
            im[k] /= slots;
        }
    }

    private void bitReverse(double[] re, double[] im) {
        for (int i = 1, j = 0; i < slots; i++) {
            int bit = slots >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
    }
}
