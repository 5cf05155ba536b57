package org.hersj.fhe.ring;

/**
 * Standard normal values by the ziggurat method (Marsaglia and Tsang, 2000, in the form Doornik, 2005, gives it):
 * the density exp(-x^2 / 2) is covered by 256 horizontal layers of equal area, the bottom one including the
 * tail beyond {@link #TAIL_START}. One 64-bit word picks a layer (8 bits) and a signed uniform (53 other bits),
 * which a second word refines below its 2^-52 grid, so that a value has the full precision of a double at every
 * size rather than lying on a grid of step x_i 2^-52 per layer (the noise flooding scales these values by up to
 * 2^58 and needs every integer covered). The value is accepted at once when it lies in the layer's rectangle
 * under the curve (about 99 % of draws), else by another uniform against the curve in the layer's wedge, or from
 * the exact tail. About 4.6 ns per value (2.8 without the refinement) against 8-11 for the polar method, which
 * needs a logarithm, a square root and a division per pair. The time of a draw depends on whether it lands in a wedge or the tail (about 1 % of
 * draws), so the time of many draws says slightly how many of them are large; nothing else about the values.
 * Stateless; thread-safe.
 */
final class ZigguratNormal {

    private static final int LAYERS = 256;
    /** Where the tail begins: x_1 of the layers, for which every layer has the area {@link #LAYER_AREA}. */
    private static final double TAIL_START = 3.6541528853610088;
    private static final double LAYER_AREA = 0.004928673233974655;
    /** x_i, the right edges of the layers, decreasing from x_0 (the bottom layer's virtual width) to x_256 = 0. */
    private static final double[] EDGE = new double[LAYERS + 1];
    /** x_{i+1} / x_i: the part of layer i that lies wholly under the curve. */
    private static final double[] INNER = new double[LAYERS];

    static {
        EDGE[0] = LAYER_AREA / density(TAIL_START);
        EDGE[1] = TAIL_START;
        for (int i = 2; i < LAYERS; i++) {
            EDGE[i] = Math.sqrt(-2 * Math.log(LAYER_AREA / EDGE[i - 1] + density(EDGE[i - 1])));
        }
        EDGE[LAYERS] = 0;
        for (int i = 0; i < LAYERS; i++) {
            INNER[i] = EDGE[i + 1] / EDGE[i];
        }
    }

    private ZigguratNormal() {
    }

    /** @return a standard normal value drawn from {@code random} */
    static double next(RandomSource random) {
        while (true) {
            long word = random.nextLong();
            int layer = (int) (word & (LAYERS - 1));
            // the other 53 bits, signed, plus 53 more below their last place: uniform on [-1, 1] at double precision
            double u = ((word >> 11) + random.uniformDouble()) * 0x1p-52;
            if (Math.abs(u) < INNER[layer]) {
                return u * EDGE[layer];
            }
            if (layer == 0) {
                return u < 0 ? -tail(random) : tail(random);
            }
            double x = u * EDGE[layer];
            // uniform height within the layer, [f(x_layer), f(x_layer+1)], against f(x); each divided by f(x)
            double low = Math.exp(-0.5 * (EDGE[layer] * EDGE[layer] - x * x));
            double high = Math.exp(-0.5 * (EDGE[layer + 1] * EDGE[layer + 1] - x * x));
            if (high + random.uniformDouble() * (low - high) < 1.0) {
                return x;
            }
        }
    }

    /**
     * @return by how much the recursion of the layer edges misses the density's peak at the top layer: the area
     *         constant divided by x_255, plus f(x_255), minus 1 (0 when {@link #TAIL_START} and the area fit)
     */
    static double topLayerMismatch() {
        return Math.abs(LAYER_AREA / EDGE[LAYERS - 1] + density(EDGE[LAYERS - 1]) - 1);
    }

    // A value of the tail beyond TAIL_START (Marsaglia, 1964): exponential proposals accepted against the density.
    private static double tail(RandomSource random) {
        double x;
        double y;
        do {
            x = -Math.log(1 - random.uniformDouble()) / TAIL_START;
            y = -Math.log(1 - random.uniformDouble());
        } while (2 * y < x * x);
        return TAIL_START + x;
    }

    /** @return x_i, the right edge of layer {@code i} (tests) */
    static double edge(int i) {
        return EDGE[i];
    }

    private static double density(double x) {
        return Math.exp(-0.5 * x * x);
    }
}
