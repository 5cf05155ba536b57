package org.hersj.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Charts of DeepMDS / DeepMDS++ training: the total loss per step of every stage, from the loss curves
 * copied into the run directory ({@code training/<label>/loss-stage<k>-<width>d.csv}). Stages are drawn
 * one after another on a common step axis, one series (colour) per stage.
 */
public final class LossPlots {

    /** Directory of the curves inside a run directory. */
    public static final String DIR = "training";

    private static final Pattern FILE = Pattern.compile("loss-stage(\\d+)-(\\d+)d\\.csv");

    private LossPlots() {
    }

    /**
     * @param runDir a run directory
     * @return the labels (reduction entries) that have loss curves, sorted
     * @throws IOException if the directory cannot be listed
     */
    public static List<String> labels(Path runDir) throws IOException {
        Path dir = runDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * @param runDir a run directory
     * @param label  a reduction entry's label
     * @param title  chart title
     * @return the chart of its training loss per stage
     * @throws IOException if a curve cannot be read
     */
    public static XYChart chart(Path runDir, String label, String title) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("optimiser step (all stages)")
                .yAxisTitle("training loss (total, smoothed)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        List<Path> files;
        try (Stream<Path> s = Files.list(runDir.resolve(DIR).resolve(label))) {
            files = s.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        long offset = 0;
        int previousWidth = -1;
        for (Path file : files) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            m.matches();
            int width = Integer.parseInt(m.group(2));
            List<double[]> points = read(file);
            if (points.isEmpty()) {
                continue;
            }
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = offset + points.get(i)[0];
                ys[i] = points.get(i)[1];
            }
            offset = (long) xs[xs.length - 1] + 1;
            String name = "stage " + m.group(1) + " (" + (previousWidth > 0 ? previousWidth + " -> " : "input -> ")
                    + width + "-d)";
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
            previousWidth = width;
        }
        return chart;
    }

    /** Reads (step, total) pairs, smoothed by a running mean over 1 % of the steps. */
    private static List<double[]> read(Path file) throws IOException {
        Table table;
        try {
            table = Table.read().csv(CsvReadOptions.builder(file.toFile()).columnTypesPartial(
                    java.util.Map.of("step", ColumnType.DOUBLE, "total", ColumnType.DOUBLE)));
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot read the loss curve (" + e.getMessage() + ")", e);
        }
        if (table.rowCount() == 0) {
            return List.of();
        }
        if (!table.containsColumn("step") || !table.containsColumn("total")) {
            throw new IOException(file + ": expected columns step and total in the header, found "
                    + table.columnNames());
        }
        DoubleColumn steps = table.doubleColumn("step");
        DoubleColumn totals = table.doubleColumn("total");
        List<double[]> raw = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            raw.add(new double[] {steps.getDouble(i), totals.getDouble(i)});
        }
        int window = Math.max(1, raw.size() / 100);
        List<double[]> smooth = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < raw.size(); i++) {
            sum += raw.get(i)[1];
            if (i >= window) {
                sum -= raw.get(i - window)[1];
            }
            smooth.add(new double[] {raw.get(i)[0], sum / Math.min(i + 1, window)});
        }
        return smooth;
    }
}
