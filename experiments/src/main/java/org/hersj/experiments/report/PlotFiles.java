package org.hersj.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/**
 * Saves a chart as PNG (and optionally SVG, through VectorGraphics2D), each file written atomically.
 */
public final class PlotFiles {

    private PlotFiles() {
    }

    /**
     * @param chart    the chart
     * @param dir      target directory
     * @param baseName file name without extension
     * @param svg      also write an SVG
     * @return the files written
     * @throws IOException if writing fails
     */
    public static List<Path> save(XYChart chart, Path dir, String baseName, boolean svg) throws IOException {
        List<Path> written = new ArrayList<>();
        Path png = dir.resolve(baseName + ".png");
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        written.add(png);
        if (svg) {
            Path file = dir.resolve(baseName + ".svg");
            AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
            written.add(file);
        }
        return written;
    }
}
