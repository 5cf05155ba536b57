package org.hersj.experiments.metrics;

/**
 * A cumulative match characteristic: {@code rates[r - 1]} is the fraction of probes whose enrolled mate
 * is among the top {@code r} results. {@code rates[0]} is the rank-1 identification rate.
 *
 * @param rates non-decreasing rates in [0, 1], one per rank from 1
 */
public record CmcCurve(double[] rates) {

    /** Checks the rates. */
    public CmcCurve {
        if (rates.length == 0) {
            throw new IllegalArgumentException("a CMC curve needs at least rank 1");
        }
        rates = rates.clone();
    }

    /** @return the rank-1 identification rate */
    public double rank1() {
        return rates[0];
    }

    /** @return the highest rank measured */
    public int maxRank() {
        return rates.length;
    }

    /**
     * @param rank a rank from 1 to {@link #maxRank()}
     * @return the fraction of probes matched within that rank
     */
    public double rate(int rank) {
        return rates[rank - 1];
    }
}
