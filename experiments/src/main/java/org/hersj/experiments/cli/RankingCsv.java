package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hersj.fhe.search.client.Match;

/**
 * The CSV the key owner's ranking commands print and write: {@code rank,item,score[,label]} best first, or
 * {@code item,score[,label]} in gallery order.
 */
final class RankingCsv {

    private RankingCsv() {
    }

    /**
     * @param ranking    the matches, in the order to print
     * @param numbered   whether to start each line with its rank
     * @param labels     gallery labels by item, or null
     * @param labelsFile where the labels came from, for messages
     * @return the CSV text with its header line
     * @throws IllegalArgumentException if an item has no label
     */
    static String render(List<Match> ranking, boolean numbered, int[] labels, Path labelsFile) {
        StringBuilder csv = new StringBuilder((numbered ? "rank," : "") + (labels == null ? "item,score\n"
                : "item,score,label\n"));
        for (int r = 0; r < ranking.size(); r++) {
            Match m = ranking.get(r);
            if (labels != null && m.item() >= labels.length) {
                throw new IllegalArgumentException(labelsFile + " holds " + labels.length + " labels but the scores cover"
                        + " item " + m.item() + "; pass the labels of this gallery");
            }
            csv.append(numbered ? (r + 1) + "," : "").append(String.format(Locale.ROOT, "%d,%.9f", m.item(), m.score()))
                    .append(labels == null ? "" : "," + labels[(int) m.item()]).append('\n');
        }
        return csv.toString();
    }
}
