package io.mandate.accountability;

import java.util.List;

/**
 * The accountability report's charts, drawn on the server as standalone SVG (work in progress: the signatures are
 * final, the drawing follows).
 */
public final class Charts {

    private Charts() {
    }

    /** Horizontal bar chart of load per person (the report's order); at most {@code MAX_BARS} bars, the rest in one line. */
    public static String loadBars(List<Load> load, ChartText text) {
        throw new UnsupportedOperationException("not drawn yet");
    }

    /** Line chart of the distribution index (0..1) per month, oldest first; months without decisions are gaps. */
    public static String trendLine(List<MonthIndex> trend, ChartText text) {
        throw new UnsupportedOperationException("not drawn yet");
    }

    /** Heat map: rows = domains, columns = people, each cell the person's effective level (1..7) or empty. */
    public static String coverageHeatMap(CoverageGrid grid, ChartText text) {
        throw new UnsupportedOperationException("not drawn yet");
    }
}
