package org.hersj.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Turns the raw result tables into the display tables of the Markdown report (formatted strings).
 */
public final class ReportTables {

    private ReportTables() {
    }

    /**
     * @param results the table of {@code results.csv}
     * @return one display row per combination: accuracy and timings
     */
    public static Table summary(Table results) {
        String[] names = {"dataset", "method", "dim", "search", "gallery (ids + distractors)", "probes", "rank-1",
            "reduce ms", "enrol ms", "search ms", "ms / probe", "top-1 = plaintext", "max score error"};
        List<String[]> rows = new ArrayList<>();
        for (Row r : results) {
            rows.add(new String[] {r.getString("dataset"), r.getString("method"), Integer.toString(r.getInt("dimension")),
                r.getString("search"), r.getInt("gallery_identities") + " + " + r.getInt("distractors"),
                Integer.toString(r.getInt("probes")), fixed(r.getDouble("rank1"), 4), fixed(r.getDouble("reduce_ms"), 1),
                fixed(r.getDouble("enrol_ms"), 1), fixed(r.getDouble("search_ms"), 1),
                fixed(r.getDouble("ms_per_probe"), 4), fixed(r.getDouble("top1_agreement"), 4),
                String.format(Locale.ROOT, "%.2e", r.getDouble("max_score_error"))});
        }
        return table("summary", names, rows);
    }

    /**
     * @param cmc the table of {@code cmc.csv}
     * @return one display row per combination with the rates at selected ranks (1, 2, 3, 5, 10, 20, 50, ...)
     */
    public static Table cmc(Table cmc) {
        Map<String, Map<Integer, Double>> curves = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        int maxRank = 0;
        for (Row r : cmc) {
            String key = seriesKey(r);
            keys.putIfAbsent(key, new String[] {r.getString("dataset"), r.getString("method"),
                Integer.toString(r.getInt("dimension")), r.getString("search")});
            curves.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.getInt("rank"), r.getDouble("rate"));
            maxRank = Math.max(maxRank, r.getInt("rank"));
        }
        List<Integer> ranks = shownRanks(maxRank);
        List<String> names = new ArrayList<>(List.of("dataset", "method", "dim", "search"));
        ranks.forEach(rank -> names.add("rank " + rank));
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Double>> e : curves.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(keys.get(e.getKey())));
            for (int rank : ranks) {
                Double rate = e.getValue().get(rank);
                cells.add(rate == null ? "" : fixed(rate, 4));
            }
            rows.add(cells.toArray(new String[0]));
        }
        return table("cmc", names.toArray(new String[0]), rows);
    }

    /**
     * @param row a row of {@code cmc.csv} or {@code results.csv}
     * @return the label of its combination, e.g. {@code identity d=512 plaintext}
     */
    public static String seriesKey(Row row) {
        return row.getString("method") + " d=" + row.getInt("dimension") + " " + row.getString("search");
    }

    private static List<Integer> shownRanks(int maxRank) {
        List<Integer> ranks = new ArrayList<>();
        int[] steps = {1, 2, 5};
        for (int r : new int[] {1, 2, 3}) {
            if (r <= maxRank) {
                ranks.add(r);
            }
        }
        for (int decade = 1; decade <= maxRank; decade *= 10) {
            for (int step : steps) {
                int r = step * decade;
                if (r > 3 && r <= maxRank) {
                    ranks.add(r);
                }
            }
        }
        if (!ranks.contains(maxRank)) {
            ranks.add(maxRank);
        }
        return ranks;
    }

    private static Table table(String name, String[] names, List<String[]> rows) {
        Table t = Table.create(name);
        for (int c = 0; c < names.length; c++) {
            StringColumn column = StringColumn.create(names[c]);
            for (String[] row : rows) {
                column.append(row[c]);
            }
            t.addColumns(column);
        }
        return t;
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
