package org.hersj.experiments.report;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as a GitHub-flavoured Markdown table (Tablesaw has no Markdown writer).
 * Cells are written with each column's {@code getString}; numeric columns are right-aligned.
 */
public final class MarkdownTable {

    private MarkdownTable() {
    }

    /**
     * @param table any table
     * @return the Markdown text, ending in a newline
     */
    public static String render(Table table) {
        StringBuilder s = new StringBuilder("|");
        for (Column<?> c : table.columns()) {
            s.append(' ').append(escape(c.name())).append(" |");
        }
        s.append("\n|");
        for (Column<?> c : table.columns()) {
            s.append(numeric(c) ? " ---: |" : " --- |");
        }
        s.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            s.append('|');
            for (Column<?> c : table.columns()) {
                s.append(' ').append(escape(c.getString(r))).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static boolean numeric(Column<?> c) {
        if (c.type().name().equals("STRING")) {
            for (int r = 0; r < c.size(); r++) {
                if (!c.getString(r).matches("-?[0-9.,%]+")) {
                    return false;
                }
            }
            return c.size() > 0;
        }
        return true;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
