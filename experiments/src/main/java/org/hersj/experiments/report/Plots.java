package org.hersj.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Builds the report's charts from the raw result tables: the CMC curves, and rank-1 against dimension
 * when a run swept several dimensions.
 */
public final class Plots {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private Plots() {
    }

    /**
     * @param cmc   the table of {@code cmc.csv}
     * @param title chart title
     * @return one curve per (method, dimension); another search mode's curve is drawn only where it
     *         differs from plaintext's (encrypted search normally gives the very same curve)
     */
    public static XYChart cmc(Table cmc, String title) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Row r : cmc) {
            series.computeIfAbsent(ReportTables.seriesKey(r), k -> new ArrayList<>())
                    .add(new double[] {r.getInt("rank"), r.getDouble("rate")});
        }
        XYChart chart = chart(title, "rank", "identification rate");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        series.forEach((name, points) -> {
            String plaintext = name.replaceAll(" [^ ]+$", " plaintext");
            List<double[]> reference = series.get(plaintext);
            if (name.equals(plaintext) || reference == null || !sameCurve(reference, points)) {
                addSeries(chart, name.endsWith(" plaintext") ? name.substring(0, name.length() - 10) : name, points);
            }
        });
        return chart;
    }

    private static boolean sameCurve(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param results the table of {@code results.csv}
     * @param title   chart title
     * @return rank-1 against dimension per method (and dataset): plaintext as lines, other search modes as
     *         crosses on top (they coincide when encrypted search agrees), if more than one dimension was run
     */
    public static Optional<XYChart> rank1VersusDimension(Table results, String title) {
        if (results.intColumn("dimension").unique().size() < 2) {
            return Optional.empty();
        }
        boolean datasets = results.stringColumn("dataset").unique().size() > 1;
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        Map<String, Boolean> isReference = new LinkedHashMap<>();
        for (Row r : results) {
            boolean reference = r.getString("search").equals("plaintext");
            String name = r.getString("method") + (datasets ? " " + r.getString("dataset") : "")
                    + (reference ? "" : " (" + r.getString("search") + ")");
            series.computeIfAbsent(name, k -> new TreeMap<>()).put(r.getInt("dimension"), r.getDouble("rank1"));
            isReference.put(name, reference);
        }
        XYChart chart = chart(title, "dimension (log scale)", "rank-1 identification rate");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Plots::powerOfTwoLabel);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(9);
        series.forEach((name, byDim) -> {
            List<double[]> points = new ArrayList<>();
            byDim.forEach((dim, rate) -> points.add(new double[] {Math.log(dim) / Math.log(2), rate}));
            XYSeries s = addSeries(chart, name, points);
            if (!isReference.get(name)) {
                s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CROSS);
            }
        });
        return Optional.of(chart);
    }

    /** Tick label of a log2 dimension axis: the dimension at whole powers of two, blank between them. */
    private static String powerOfTwoLabel(Double log2) {
        long whole = Math.round(log2);
        return Math.abs(log2 - whole) < 1e-6 ? Long.toString(1L << Math.max(0, whole)) : "";
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }

    private static XYSeries addSeries(XYChart chart, String name, List<double[]> points) {
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        return chart.addSeries(name, xs, ys);
    }
}
