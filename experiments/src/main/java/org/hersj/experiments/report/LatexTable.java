package org.hersj.experiments.report;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a display table as a LaTeX {@code tabular} (booktabs rules), for pasting into a paper.
 */
public final class LatexTable {

    private LatexTable() {
    }

    /**
     * @param table   a display table (string cells)
     * @param caption the table's caption
     * @return a {@code table} environment, ending in a newline
     */
    public static String render(Table table, String caption) {
        StringBuilder s = new StringBuilder("\\begin{table}[t]\n\\centering\n\\caption{").append(escape(caption))
                .append("}\n\\begin{tabular}{").append("l".repeat(Math.min(3, table.columnCount())))
                .append("r".repeat(Math.max(0, table.columnCount() - 3))).append("}\n\\toprule\n");
        s.append(String.join(" & ", table.columns().stream().map(c -> escape(c.name())).toList())).append(" \\\\\n\\midrule\n");
        for (int r = 0; r < table.rowCount(); r++) {
            StringBuilder line = new StringBuilder();
            for (Column<?> c : table.columns()) {
                line.append(line.length() == 0 ? "" : " & ").append(escape(c.getString(r)));
            }
            s.append(line).append(" \\\\\n");
        }
        return s.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n").toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_")
                .replace("#", "\\#").replace("+", "{+}");
    }
}
