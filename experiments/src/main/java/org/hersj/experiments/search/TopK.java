package org.hersj.experiments.search;

/**
 * Keeps the {@code k} best (score, index) pairs seen so far in a bounded min-heap. Higher scores are
 * better; equal scores rank the lower index first, so results are deterministic.
 */
public final class TopK {

    private final int capacity;
    private final float[] scores;
    private final int[] indices;
    private int size;

    /** @param k how many pairs to keep, {@code >= 1} */
    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.capacity = k;
        this.scores = new float[k];
        this.indices = new int[k];
    }

    /**
     * Offers a candidate.
     *
     * @param score its score
     * @param index its gallery index
     */
    public void offer(float score, int index) {
        if (size < capacity) {
            scores[size] = score;
            indices[size] = index;
            siftUp(size++);
        } else if (better(score, index, scores[0], indices[0])) {
            scores[0] = score;
            indices[0] = index;
            siftDown(0);
        }
    }

    /**
     * Offers every pair kept by another heap.
     *
     * @param other another heap
     */
    public void offerAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.indices[i]);
        }
    }

    /** @return the kept indices, best first */
    public int[] sortedIndices() {
        int[] order = sortedOrder();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = indices[order[i]];
        }
        return out;
    }

    /** @return the kept scores, best first */
    public float[] sortedScores() {
        int[] order = sortedOrder();
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = scores[order[i]];
        }
        return out;
    }

    private int[] sortedOrder() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> better(scores[a], indices[a], scores[b], indices[b]) ? -1
                : better(scores[b], indices[b], scores[a], indices[a]) ? 1 : 0);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** Whether (s1, i1) ranks before (s2, i2). */
    static boolean better(float s1, int i1, float s2, int i2) {
        int c = Float.compare(s1, s2);
        return c > 0 || (c == 0 && i1 < i2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], indices[parent], scores[i], indices[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], indices[left], scores[right], indices[right])) {
                worst = right;
            }
            if (!better(scores[i], indices[i], scores[worst], indices[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int x = indices[a];
        indices[a] = indices[b];
        indices[b] = x;
    }
}
