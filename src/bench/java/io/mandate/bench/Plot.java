package io.mandate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG line chart of time against dataset size on log–log axes (decisions on x, milliseconds on y), written by
 * hand: a few series, a point and its value per measured dataset.
 */
final class Plot {

    record Point(String label, double x, double y) {
    }

    record Series(String name, String colour, List<Point> points) {
    }

    private Plot() {
    }

    static String svg(String title, String xLabel, String yLabel, List<Series> series) {
        int w = 820;
        int h = 440;
        int left = 80;
        int right = 260;
        int top = 50;
        int bottom = 60;
        double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (Point p : s.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        double lx0 = Math.floor(Math.log10(minX));
        double lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(maxX)));
        double ly0 = Math.floor(Math.log10(Math.max(minY, 1e-3)));
        double ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(maxY)));
        double pw = w - left - right;
        double ph = h - top - bottom;
        java.util.function.DoubleUnaryOperator sx = x -> left + (Math.log10(x) - lx0) / (lx1 - lx0) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - (Math.log10(Math.max(y, 1e-3)) - ly0) / (ly1 - ly0) * ph;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">\n", w, h, w, h));
        b.append("<title>").append(esc(title)).append("</title>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", w, h));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", left, esc(title)));
        // grid: every power of ten
        for (double e = lx0; e <= lx1; e++) {
            double x = sx.applyAsDouble(Math.pow(10, e));
            b.append(line(x, top, x, top + ph, "#dddddd"));
            b.append(text(x, top + ph + 18, "middle", fmt(Math.pow(10, e))));
        }
        for (double e = ly0; e <= ly1; e++) {
            double y = sy.applyAsDouble(Math.pow(10, e));
            b.append(line(left, y, left + pw, y, "#dddddd"));
            b.append(text(left - 8, y + 4, "end", fmt(Math.pow(10, e))));
        }
        b.append(line(left, top + ph, left + pw, top + ph, "#333333"));
        b.append(line(left, top, left, top + ph, "#333333"));
        b.append(text(left + pw / 2, h - 14, "middle", xLabel));
        b.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.1f)\">%s</text>\n",
                top + ph / 2, top + ph / 2, esc(yLabel)));
        int legendY = (int) (top + ph) - 20 * series.size() - 10;
        for (Series s : series) {
            List<String> coords = new ArrayList<>();
            for (Point p : s.points()) {
                coords.add(String.format(Locale.ROOT, "%.1f,%.1f", sx.applyAsDouble(p.x()), sy.applyAsDouble(p.y())));
            }
            // measured points joined by a line; a lower bound (label ending in ">") is a hollow point with an arrow up
            List<String> measured = new ArrayList<>();
            for (int i = 0; i < s.points().size(); i++) {
                if (!s.points().get(i).label().endsWith(">")) {
                    measured.add(coords.get(i));
                }
            }
            b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                    s.colour(), String.join(" ", measured)));
            for (Point p : s.points()) {
                double x = sx.applyAsDouble(p.x());
                double y = sy.applyAsDouble(p.y());
                boolean bound = p.label().endsWith(">");
                b.append(String.format(Locale.ROOT, bound
                        ? "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"/>\n"
                        : "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", x, y, s.colour()));
                if (bound) {
                    b.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f L %.1f %.1f M %.1f %.1f L %.1f %.1f L %.1f %.1f\" stroke=\"%s\""
                                    + " stroke-width=\"2\" fill=\"none\"/>\n", x, y - 5, x, y - 22, x - 4, y - 16, x, y - 22, x + 4, y - 16,
                            s.colour()));
                }
                b.append(text(x + 8, y - 6, "start", (bound ? p.label().substring(0, p.label().length() - 1) + "≥ " : p.label() + " ")
                        + fmt(p.y()) + " ms" + (bound ? " (stopped)" : "")));
            }
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>\n",
                    w - right + 16, legendY - 4, s.colour()));
            b.append(text(w - right + 36, legendY + 2, "start", s.name()));
            legendY += 20;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y, anchor, esc(s));
    }

    static String fmt(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
