package org.hersj.experiments.report;

/**
 * One row of {@code cmc.csv}: the identification rate at one rank for one combination.
 *
 * @param dataset   dataset name
 * @param method    reduction method
 * @param dimension dimension searched
 * @param search    search mode
 * @param rank      rank, from 1
 * @param rate      fraction of probes whose mate is within {@code rank}
 */
public record CmcPoint(String dataset, String method, int dimension, String search, int rank, double rate) {
}
