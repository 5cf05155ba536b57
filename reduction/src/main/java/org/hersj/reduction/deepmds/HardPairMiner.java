package org.hersj.reduction.deepmds;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Hard-pair selection of DeepMDS++: among scored candidate pairs keep the {@code hard} pairs with the
 * largest similarity error |cos(x1,x2) - <f(x1),f(x2)>| and fill the batch with pairs drawn at random
 * (without replacement) from the remaining candidates.
 */
final class HardPairMiner {

    private HardPairMiner() {
    }

    /**
     * @param errors per-candidate similarity error
     * @param hard   number of largest-error candidates to keep
     * @param total  batch size to return (hard <= total <= errors.length)
     * @param random source for the random fill
     * @return {@code total} distinct candidate indices, the {@code hard} largest-error ones first
     */
    static int[] select(double[] errors, int hard, int total, SplittableRandom random) {
        if (hard < 0 || hard > total || total > errors.length) {
            throw new IllegalArgumentException("hard mining needs 0 <= hard (" + hard + ") <= batch (" + total
                    + ") <= candidates (" + errors.length + ")");
        }
        Integer[] order = IntStream.range(0, errors.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> errors[i]).reversed());
        int[] chosen = new int[total];
        for (int k = 0; k < hard; k++) {
            chosen[k] = order[k];
        }
        int[] rest = new int[errors.length - hard];
        for (int k = hard; k < errors.length; k++) {
            rest[k - hard] = order[k];
        }
        for (int k = 0; k < total - hard; k++) {
            int pick = k + random.nextInt(rest.length - k);
            int tmp = rest[k];
            rest[k] = rest[pick];
            rest[pick] = tmp;
            chosen[hard + k] = rest[k];
        }
        return chosen;
    }
}
