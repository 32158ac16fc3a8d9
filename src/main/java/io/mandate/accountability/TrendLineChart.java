package io.mandate.accountability;

import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Charts#trendLine}: one column per month, the index on a fixed 0–1 scale (so two charts compare at a
 * glance), a point with its value for each month that had decisions, lines only between neighbouring such months.
 */
final class TrendLineChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 44;
    static final int RIGHT = 624;
    static final int TOP = 24;
    static final int BOTTOM = 200;
    private static final int MONTH_Y = 218;
    /** Below this column width a label stands only at every few months. */
    private static final double LABEL_SPACE = 44;

    private TrendLineChart() {
    }

    /** The y of an index: 1 at the top of the plot, 0 on its floor. */
    static double y(double index) {
        return BOTTOM - index * (BOTTOM - TOP);
    }

    static String draw(List<MonthIndex> trend, ChartText text) {
        String id = Charts.id(text, "trend");
        Svg svg = Svg.document(id, WIDTH, HEIGHT, Charts.orEmpty(text.title()), Charts.orEmpty(text.description()));
        svg.open("g", "id", id + "-axis", "fill", Charts.MUTED);
        for (double tick : new double[] {0, 0.5, 1}) {
            String y = Svg.num(y(tick));
            svg.empty("line", "x1", str(LEFT), "y1", y, "x2", str(RIGHT), "y2", y, "stroke", tick == 0 ? Charts.AXIS : Charts.GRID);
            svg.element("text", Svg.num(tick), "x", str(LEFT - 6), "y", Svg.num(y(tick) + 4), "text-anchor", "end");
        }
        double step = trend.isEmpty() ? 0 : (double) (RIGHT - LEFT) / trend.size();
        int every = step >= LABEL_SPACE || step == 0 ? 1 : (int) Math.ceil(LABEL_SPACE / step);
        for (int i = 0; i < trend.size(); i += every) {
            svg.element("text", label(trend, i, every), "x", Svg.num(x(i, step)), "y", str(MONTH_Y), "text-anchor", "middle");
        }
        svg.close("g");

        List<List<Integer>> runs = runs(trend);
        if (runs.isEmpty()) {
            svg.text(Charts.orEmpty(text.description()), 80, "x", Svg.num((LEFT + RIGHT) / 2.0), "y", Svg.num(y(0.75)),
                    "text-anchor", "middle", "fill", Charts.MUTED);
            return svg.finish();
        }
        svg.open("g", "id", id + "-line", "fill", "none", "stroke", Charts.MARK, "stroke-width", "2");
        for (List<Integer> run : runs) {
            if (run.size() > 1) {
                StringBuilder points = new StringBuilder();
                for (int i : run) {
                    points.append(points.length() == 0 ? "" : " ").append(Svg.num(x(i, step))).append(',')
                            .append(Svg.num(y(index(trend.get(i)))));
                }
                svg.empty("polyline", "points", points.toString());
            }
        }
        svg.close("g");
        svg.open("g", "id", id + "-points");
        for (List<Integer> run : runs) {
            for (int i : run) {
                MonthIndex m = trend.get(i);
                String value = Svg.num(index(m));
                double x = x(i, step);
                double y = y(index(m));
                svg.open("g");
                svg.element("title", m.month() + ": " + value);
                svg.empty("circle", "cx", Svg.num(x), "cy", Svg.num(y), "r", "4", "fill", Charts.MARK);
                svg.element("text", value, "x", Svg.num(x), "y", Svg.num(y - 9), "text-anchor", "middle", "font-size", "11");
                svg.close("g");
            }
        }
        svg.close("g");
        return svg.finish();
    }

    /** The centre of month i's column. */
    private static double x(int i, double step) {
        return LEFT + step * (i + 0.5);
    }

    /** The index on the scale (a value outside 0..1 would be a bug upstream; it is drawn at the nearest end). */
    private static double index(MonthIndex m) {
        return Math.max(0, Math.min(1, m.distributionIndex()));
    }

    /** Months with decisions and a number for the index, as runs of neighbours (each run one line). */
    private static List<List<Integer>> runs(List<MonthIndex> trend) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            MonthIndex m = trend.get(i);
            if (m.decisions() > 0 && !Double.isNaN(m.distributionIndex())) {
                run.add(i);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * YYYY-MM for the first label and wherever the year changes since the previous label, otherwise only MM: the
     * year once per year is enough to read the axis, and twelve full labels would crowd it.
     */
    private static String label(List<MonthIndex> trend, int i, int every) {
        MonthIndex m = trend.get(i);
        boolean newYear = i == 0 || trend.get(i - every).month().getYear() != m.month().getYear()
                || m.month().getMonth() == Month.JANUARY;
        return newYear ? m.month().toString() : String.format(java.util.Locale.ROOT, "%02d", m.month().getMonthValue());
    }

    private static String str(int i) {
        return Integer.toString(i);
    }
}
