package io.mandate.accountability;

import java.util.List;

/** {@link Charts#loadBars}: one row per person, the name left of the axis, the bar and its count right of it. */
final class LoadBarChart {

    static final int WIDTH = 640;
    static final int BAR_X = 180;
    static final int BAR_MAX = 400;
    static final int ROW = 24;
    static final int BAR_HEIGHT = 16;
    private static final int PAD = 8;
    private static final int LABEL_CHARS = 22;

    private LoadBarChart() {
    }

    static String draw(List<Load> load, ChartText text) {
        String id = Charts.id(text, "load");
        int shown = Math.min(load.size(), Charts.MAX_BARS);
        int hidden = load.size() - shown;
        int rows = Math.max(1, shown + (hidden > 0 ? 1 : 0));
        int height = 2 * PAD + rows * ROW;
        Svg svg = Svg.document(id, WIDTH, height, Charts.orEmpty(text.title()), Charts.orEmpty(text.description()));
        svg.empty("line", "x1", str(BAR_X), "y1", str(PAD), "x2", str(BAR_X), "y2", str(height - PAD), "stroke", Charts.AXIS);
        if (load.isEmpty()) {
            svg.text(Charts.orEmpty(text.description()), 80, "x", str(BAR_X + PAD), "y", str(PAD + 16), "fill", Charts.MUTED);
            return svg.finish();
        }
        long max = 0;
        for (int i = 0; i < shown; i++) {
            max = Math.max(max, load.get(i).count());
        }
        svg.open("g", "id", id + "-bars");
        for (int i = 0; i < shown; i++) {
            Load l = load.get(i);
            int top = PAD + i * ROW;
            double width = max == 0 ? 0 : (double) l.count() / max * BAR_MAX;
            svg.open("g");
            svg.text(l.user(), LABEL_CHARS, "x", str(BAR_X - PAD), "y", str(top + 16), "text-anchor", "end");
            svg.empty("rect", "x", str(BAR_X), "y", str(top + (ROW - BAR_HEIGHT) / 2), "width", Svg.num(width),
                    "height", str(BAR_HEIGHT), "fill", Charts.MARK);
            svg.element("text", Long.toString(l.count()), "x", Svg.num(BAR_X + width + 6), "y", str(top + 16));
            svg.close("g");
        }
        svg.close("g");
        if (hidden > 0) {
            long rest = 0;
            for (int i = shown; i < load.size(); i++) {
                rest = Math.addExact(rest, load.get(i).count());
            }
            int top = PAD + shown * ROW;
            svg.open("g", "id", id + "-more", "fill", Charts.MUTED);
            svg.element("text", "+" + hidden, "x", str(BAR_X - PAD), "y", str(top + 16), "text-anchor", "end");
            svg.element("text", "\u03A3 " + rest, "x", str(BAR_X + 6), "y", str(top + 16));
            svg.close("g");
        }
        return svg.finish();
    }

    private static String str(int i) {
        return Integer.toString(i);
    }
}
