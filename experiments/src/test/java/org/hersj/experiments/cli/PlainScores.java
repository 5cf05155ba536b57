package org.hersj.experiments.cli;

/** Plaintext cosine scores and top-1, the reference the encrypted role commands are checked against. */
final class PlainScores {

    private PlainScores() {
    }

    /** Cosine similarity of two vectors (in double precision). */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * (double) b[j];
            na += a[j] * (double) a[j];
            nb += b[j] * (double) b[j];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Index of the row with the largest cosine similarity to {@code probe}. */
    static int top1(float[][] rows, float[] probe) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            double score = cosine(rows[i], probe);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }
}
