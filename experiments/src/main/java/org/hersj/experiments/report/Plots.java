package org.hersj.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
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
     * @return one curve per combination
     */
    public static XYChart cmc(Table cmc, String title) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Row r : cmc) {
            series.computeIfAbsent(ReportTables.seriesKey(r), k -> new ArrayList<>())
                    .add(new double[] {r.getInt("rank"), r.getDouble("rate")});
        }
        XYChart chart = chart(title, "rank", "identification rate");
        series.forEach((name, points) -> addSeries(chart, name, points));
        return chart;
    }

    /**
     * @param results the table of {@code results.csv}
     * @param title   chart title
     * @return rank-1 against dimension per (method, search mode), if more than one dimension was run
     */
    public static Optional<XYChart> rank1VersusDimension(Table results, String title) {
        if (results.intColumn("dimension").unique().size() < 2) {
            return Optional.empty();
        }
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        for (Row r : results) {
            String name = r.getString("method") + " " + r.getString("search")
                    + (results.stringColumn("dataset").unique().size() > 1 ? " " + r.getString("dataset") : "");
            series.computeIfAbsent(name, k -> new TreeMap<>()).put(r.getInt("dimension"), r.getDouble("rank1"));
        }
        XYChart chart = chart(title, "dimension", "rank-1 identification rate");
        series.forEach((name, byDim) -> {
            List<double[]> points = new ArrayList<>();
            byDim.forEach((dim, rate) -> points.add(new double[] {dim, rate}));
            addSeries(chart, name, points);
        });
        return Optional.of(chart);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<double[]> points) {
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        chart.addSeries(name, xs, ys);
    }
}
