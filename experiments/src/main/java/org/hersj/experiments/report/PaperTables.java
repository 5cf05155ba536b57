package org.hersj.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The paper-style display tables built from {@code results.csv}: (a) rank-1 per dataset x method x
 * dimension with each search mode side by side (and each encrypted mode's top-1 agreement with
 * plaintext), and (c) the timing breakdown of every row.
 */
public final class PaperTables {

    private PaperTables() {
    }

    /**
     * @param results the table of {@code results.csv}
     * @return one row per (dataset, method, dimension): rank-1 per search mode, agreement per non-plaintext mode
     */
    public static Table rank1(Table results) {
        Set<String> modes = new LinkedHashSet<>(results.stringColumn("search").asList());
        Map<String, Map<String, Integer>> byKey = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (Row r : results) {
            String key = r.getString("dataset") + "\u0000" + r.getString("method") + "\u0000" + r.getInt("dimension");
            keys.putIfAbsent(key, new String[] {r.getString("dataset"), r.getString("method"),
                Integer.toString(r.getInt("dimension"))});
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.getString("search"), r.getRowNumber());
        }
        List<String> names = new ArrayList<>(List.of("dataset", "method", "dim"));
        modes.forEach(m -> names.add("rank-1 " + m));
        modes.stream().filter(m -> !m.equals("plaintext")).forEach(m -> names.add(m + " top-1 = plaintext"));
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : byKey.entrySet()) {
            List<String> cells = new ArrayList<>(List.of(keys.get(e.getKey())));
            for (String m : modes) {
                Integer r = e.getValue().get(m);
                cells.add(r == null ? "" : ReportTables.fixed(results.doubleColumn("rank1").get(r), 4));
            }
            for (String m : modes) {
                if (!m.equals("plaintext")) {
                    Integer r = e.getValue().get(m);
                    cells.add(r == null ? "" : ReportTables.fixed(100 * results.doubleColumn("top1_agreement").get(r), 1) + " %");
                }
            }
            rows.add(cells.toArray(new String[0]));
        }
        return ReportTables.table("rank1", names, rows);
    }

    /**
     * @param results the table of {@code results.csv}
     * @return one row per result row: keygen, enroll, probe encryption, scoring, decryption and ranking times
     */
    public static Table timings(Table results) {
        List<String> names = List.of("dataset", "method", "dim", "search", "gallery", "probes", "keygen ms",
                "enroll ms", "probe encrypt ms", "scoring ms", "decrypt ms", "rank ms", "ms / probe");
        List<String[]> rows = new ArrayList<>();
        for (Row r : results) {
            rows.add(new String[] {r.getString("dataset"), r.getString("method"), Integer.toString(r.getInt("dimension")),
                r.getString("search"), Integer.toString(r.getInt("gallery_identities") + r.getInt("distractors")),
                Integer.toString(r.getInt("probes")), ReportTables.fixed(col(r, "keygen_ms"), 1), ReportTables.fixed(r.getDouble("enrol_ms"), 1),
                ReportTables.fixed(col(r, "probe_encrypt_ms"), 1), ReportTables.fixed(col(r, "scoring_ms"), 1), ReportTables.fixed(col(r, "decrypt_ms"), 1),
                ReportTables.fixed(col(r, "rank_ms"), 1), ReportTables.fixed(r.getDouble("ms_per_probe"), 3)});
        }
        return ReportTables.table("timings", names, rows);
    }

    private static double col(Row r, String name) {
        return r.columnNames().contains(name) ? r.getDouble(name) : 0;
    }
}
