package org.hersj.fhe.ckks;

/**
 * The "special" FFT of CKKS: evaluates a polynomial of Z[X]/(X^N + 1), packed as n = N/2 complex numbers
 * w_j = m_j + i m_{j+n}, at the points zeta^(5^k), k = 0 .. n-1 (zeta = exp(i pi / N)), and its inverse.
 * Slot k of a message is the value at zeta^(5^k), so X -&gt; X^5 rotates the slots by one to the left.
 * Immutable and thread-safe.
 */
final class SpecialFft {
    private final int slots;
    private final double inverseSlots;
    // Twiddles of the stage whose butterflies span `half`, at [half + j] for j < half: contiguous per stage, so
    // the inner loops read them in order instead of gathering them through an index mod the period (an integer
    // division per butterfly: the 2048-slot FFT took 27 us, now 16).
    private final double[] forwardCos;
    private final double[] forwardSin;
    private final double[] inverseCos;
    private final double[] inverseSin;

    /** @param slots n = N/2, a power of two */
    SpecialFft(int slots) {
        this.slots = slots;
        this.inverseSlots = 1.0 / slots;
        int m = 4 * slots;
        int[] rotationGroup = new int[slots];
        int g = 1;
        for (int k = 0; k < slots; k++) {
            rotationGroup[k] = g;
            g = (int) ((5L * g) % m);
        }
        forwardCos = new double[slots];
        forwardSin = new double[slots];
        inverseCos = new double[slots];
        inverseSin = new double[slots];
        for (int half = 1; half < slots; half <<= 1) {
            int quarterPeriod = half << 3;
            int gap = m / quarterPeriod;
            for (int j = 0; j < half; j++) {
                int power = rotationGroup[j] % quarterPeriod;
                double forwardAngle = 2 * Math.PI * (power * gap) / m;
                double inverseAngle = 2 * Math.PI * ((quarterPeriod - power) * gap) / m;
                forwardCos[half + j] = Math.cos(forwardAngle);
                forwardSin[half + j] = Math.sin(forwardAngle);
                inverseCos[half + j] = Math.cos(inverseAngle);
                inverseSin[half + j] = Math.sin(inverseAngle);
            }
        }
    }

    /** In place: packed coefficients (re, im) -&gt; slot values. */
    void forward(double[] re, double[] im) {
        bitReverse(re, im);
        for (int half = 1; half < slots; half <<= 1) {
            int len = half << 1;
            for (int i = 0; i < slots; i += len) {
                for (int j = 0; j < half; j++) {
                    double c = forwardCos[half + j];
                    double s = forwardSin[half + j];
                    int a = i + j;
                    int b = a + half;
                    double vr = re[b] * c - im[b] * s;
                    double vi = re[b] * s + im[b] * c;
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
        for (int half = slots >> 1; half >= 1; half >>= 1) {
            int len = half << 1;
            for (int i = 0; i < slots; i += len) {
                for (int j = 0; j < half; j++) {
                    double c = inverseCos[half + j];
                    double s = inverseSin[half + j];
                    int a = i + j;
                    int b = a + half;
                    double ur = re[a] + re[b];
                    double ui = im[a] + im[b];
                    double dr = re[a] - re[b];
                    double di = im[a] - im[b];
                    re[a] = ur;
                    im[a] = ui;
                    re[b] = dr * c - di * s;
                    im[b] = dr * s + di * c;
                }
            }
        }
        bitReverse(re, im);
        for (int k = 0; k < slots; k++) {
            re[k] *= inverseSlots;
            im[k] *= inverseSlots;
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
