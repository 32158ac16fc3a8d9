package io.mandate.accountability;

import java.util.List;
import java.util.Objects;

/**
 * The accountability report's charts, drawn on the server as standalone SVG documents, so that the same picture
 * works in the Jira report page, the Confluence macro, exports and mail: no script, no stylesheet, no font to
 * load — presentation attributes only, colours from the Atlassian Design Guidelines palette (every text at least
 * 4.5:1 against what it stands on). Each chart has the caller's {@code <title>} and {@code <desc>} as its
 * accessible name and description; the page shows the table with the same numbers beside it.
 *
 * <p>Visible words are only data (usernames, domain keys, months, numbers, the level names) and symbols, never
 * prose: the signatures carry no locale, so the caller's translated {@link ChartText} is the only text in the
 * viewer's language. Where something is left out, the chart says how much as {@code +N}. A chart without data
 * shows its description in place of the data.
 *
 * <p>The output depends only on the input (same input, same bytes; numbers in {@link java.util.Locale#ROOT}).
 */
public final class Charts {

    /** The most people the load chart draws as bars; the others are one line {@code +N  Σ total}. */
    public static final int MAX_BARS = 20;
    /** The most people (columns) the heat map draws. */
    public static final int MAX_PEOPLE = 40;
    /** The most domains (rows) the heat map draws. */
    public static final int MAX_DOMAINS = 60;

    // ADG palette: N800 text, N500 secondary text, N200 axes, N40 grid lines, N20 stripes, B400 marks
    static final String TEXT = "#172B4D";
    static final String MUTED = "#42526E";
    static final String AXIS = "#6B778C";
    static final String GRID = "#DFE1E6";
    static final String STRIPE = "#F4F5F7";
    static final String MARK = "#0052CC";
    static final String ELLIPSIS = "\u2026";

    private Charts() {
    }

    /**
     * Horizontal bar chart of load per person, in the list's order (the report's: heaviest first). The longest bar
     * is the largest count; each bar has its count as text. At most {@link #MAX_BARS} bars; the rest are summarised
     * in one line: {@code +N} people with {@code Σ} their total load. An empty list draws the description in place
     * of the bars.
     */
    public static String loadBars(List<Load> load, ChartText text) {
        return LoadBarChart.draw(Objects.requireNonNull(load, "load"), Objects.requireNonNull(text, "text"));
    }

    /**
     * Line chart of the distribution index (0..1) per month, oldest first, with y ticks 0, 0.5 and 1 and each point's
     * value as text. A month with no decisions has no point and breaks the line (its index of 1 is no measurement).
     * When no month has decisions, the description is drawn in place of the line.
     */
    public static String trendLine(List<MonthIndex> trend, ChartText text) {
        return TrendLineChart.draw(Objects.requireNonNull(trend, "trend"), Objects.requireNonNull(text, "text"));
    }

    /**
     * Heat map: rows = domains, columns = people, each cell the person's effective level as a shade of one blue
     * scale and as its number (levels that may approve, ≥ 5, in bold), with a legend of the seven levels. At most
     * {@link #MAX_DOMAINS} × {@link #MAX_PEOPLE} cells: the first in the grid's order; how many people and domains
     * are left out is shown as {@code +N} after the last column and the last row, and added to the description as
     * {@code (+N →, +M ↓)}. Without domains or people the description is drawn in place of the grid.
     */
    public static String coverageHeatMap(CoverageGrid grid, ChartText text) {
        return CoverageHeatMap.draw(Objects.requireNonNull(grid, "grid"), Objects.requireNonNull(text, "text"));
    }

    /** The element id the chart's ids start with: the caller's prefix, made a valid XML name, then the kind. */
    static String id(ChartText text, String kind) {
        String prefix = text.idPrefix() == null || text.idPrefix().isBlank() ? "mandate" : text.idPrefix().strip();
        StringBuilder id = new StringBuilder();
        prefix.codePoints().forEach(c -> id.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')
                ? (char) c : '_'));
        if (!Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
            id.insert(0, 'c');
        }
        return id.append('-').append(kind).toString();
    }

    /** At most {@code max} characters (code points, so no emoji is cut in half): the first ones and an ellipsis. */
    static String shorten(String full, int max) {
        String s = full == null ? "" : full;
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
