package org.hersj.reduction.deepmds;

/**
 * The loss of one batch, term by term. The data terms are reported unweighted; {@code total} is the
 * weighted sum that is minimised:
 * {@code total = w_g*genuine + w_i*impostor + w_c*covariance + wd*weightDecay + w_id*identification}.
 *
 * @param total       the weighted objective
 * @param genuine     mean |cos(x1,x2) - <f(x1),f(x2)>| over the genuine pairs
 * @param impostor    the same over the impostor pairs
 * @param covariance  mean |off-diagonal entry| of the covariance of the batch's outputs
 * @param weightDecay sum over weight matrices of sum(W^2) / 2
 * @param identification mean over genuine pairs of the softmax cross-entropy of finding the pair's second
 *                    row among the batch's rows of other identities (reported even when its weight is 0)
 */
public record LossTerms(double total, double genuine, double impostor, double covariance, double weightDecay,
                        double identification) {
}
