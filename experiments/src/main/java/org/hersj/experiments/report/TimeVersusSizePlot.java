package org.hersj.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Log-log chart of search time against gallery size: measured points as markers, extrapolations as
 * dashed lines in the colour of the measured series of the same index, optionally the paper's ~500 s at 10^8 items and the 60 s goal at 10^8.
 */
public final class TimeVersusSizePlot {

    /** The paper's reported search time for 10^8 items (seconds). */
    public static final double PAPER_SECONDS_AT_100M = 500;
    /** The goal for 10^8 x 16-d on this 2-core machine (seconds). */
    public static final double GOAL_SECONDS_AT_100M = 60;

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22)};

    private TimeVersusSizePlot() {
    }

    /**
     * One named series of (items, seconds) points.
     *
     * @param name    legend label
     * @param items   gallery sizes
     * @param seconds times, one per size
     */
    public record Curve(String name, double[] items, double[] seconds) {
        /** Validates equal lengths and positive values (log axes). */
        public Curve {
            if (items.length != seconds.length || items.length == 0) {
                throw new IllegalArgumentException("curve '" + name + "' needs as many sizes as times, at least one");
            }
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] > 0) || !(seconds[i] > 0)) {
                    throw new IllegalArgumentException("curve '" + name + "' has a non-positive point at index " + i
                            + "; log axes need positive sizes and times");
                }
            }
            items = items.clone();
            seconds = seconds.clone();
        }
    }

    /**
     * @param title        chart title
     * @param measured     measured series (markers and lines)
     * @param extrapolated extrapolated series (dashed lines)
     * @param markAnchors  also mark the paper's 500 s and the 60 s goal at 10^8 items
     * @return the chart
     */
    public static XYChart chart(String title, List<Curve> measured, List<Curve> extrapolated, boolean markAnchors) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("gallery size (items)").yAxisTitle("time (s)").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0.#E0");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        for (int i = 0; i < measured.size(); i++) {
            Curve c = measured.get(i);
            XYSeries s = chart.addSeries(c.name() + " (measured)", c.items(), c.seconds());
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setMarkerColor(PALETTE[i % PALETTE.length]);
        }
        for (int i = 0; i < extrapolated.size(); i++) {
            Curve c = extrapolated.get(i);
            XYSeries s = chart.addSeries(c.name() + " (extrapolated)", c.items(), c.seconds());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(PALETTE[i % PALETTE.length]);
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        if (markAnchors) {
            XYSeries paper = chart.addSeries("paper: ~500 s at 1e8 (server)", new double[] {1e8},
                    new double[] {PAPER_SECONDS_AT_100M});
            paper.setMarker(SeriesMarkers.DIAMOND);
            paper.setMarkerColor(Color.RED);
            paper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            double left = Math.min(1e4, minItems(measured));
            XYSeries goal = chart.addSeries("goal: 60 s at 1e8 (2 cores)", new double[] {left, 1e8},
                    new double[] {GOAL_SECONDS_AT_100M, GOAL_SECONDS_AT_100M});
            goal.setMarker(SeriesMarkers.NONE);
            goal.setLineColor(Color.GRAY);
            goal.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        }
        return chart;
    }

    /**
     * Points of a straight-line model {@code intercept + slope * n} at decades from {@code from} to 10^8.
     *
     * @param name           legend label
     * @param from           first size (its decade is the first point)
     * @param intercept      seconds at zero items
     * @param secondsPerItem slope
     * @return the extrapolated curve
     */
    public static Curve line(String name, double from, double intercept, double secondsPerItem) {
        int first = (int) Math.floor(Math.log10(from));
        int count = 8 - first + 1;
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = Math.pow(10, first + i);
            ys[i] = Math.max(1e-6, intercept + secondsPerItem * xs[i]);
        }
        return new Curve(name, xs, ys);
    }

    private static double minItems(List<Curve> curves) {
        return curves.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.items())).min().orElse(1e4);
    }
}
