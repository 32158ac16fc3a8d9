package io.mandate.accountability;

import io.mandate.authority.Level;

import java.util.List;

/**
 * {@link Charts#coverageHeatMap}: domain names left of the rows, usernames slanted above the columns, a cell for
 * each level held, the legend below.
 */
final class CoverageHeatMap {

    /**
     * The seven levels as one sequential scale, light to dark: the ADG blues B50, B75, B100, B200, B300, B400, B500.
     * The number in a cell is dark on the light four and white on the dark three — at least 4.5:1 each way — so the
     * text colour also flips exactly where a level starts to approve.
     */
    static final List<String> FILL = List.of("#DEEBFF", "#B3D4FF", "#4C9AFF", "#2684FF", "#0065FF", "#0052CC", "#0747A6");
    static final List<String> NUMBER = List.of("#091E42", "#091E42", "#091E42", "#091E42", "#FFFFFF", "#FFFFFF", "#FFFFFF");

    static final int LABEL_WIDTH = 190;
    static final int CELL_WIDTH = 28;
    static final int CELL_HEIGHT = 22;
    private static final int PAD = 8;
    /** A domain key has at most 20 characters; longer names are shortened. */
    private static final int DOMAIN_CHARS = 20;
    private static final int PERSON_CHARS = 16;
    /** Room for one character of a slanted username, across and up (12 px Arial is about 7 px wide, slanted at 60°). */
    private static final double SLANT_CHAR_UP = 6.1;
    /** How far the last slanted username reaches right of its column. */
    private static final int SLANT_OVERHANG = 64;
    private static final int LEGEND_ITEM = 96;
    private static final int SWATCH_WIDTH = 24;
    private static final int SWATCH_HEIGHT = 18;

    private CoverageHeatMap() {
    }

    static String draw(CoverageGrid grid, ChartText text) {
        String id = Charts.id(text, "coverage");
        int cols = Math.min(grid.people().size(), Charts.MAX_PEOPLE);
        int rows = Math.min(grid.domains().size(), Charts.MAX_DOMAINS);
        boolean empty = cols == 0 || rows == 0;
        // without a grid nothing is left out of it: domains without people (or people without domains) are no cells
        int morePeople = empty ? 0 : grid.people().size() - cols;
        int moreDomains = empty ? 0 : grid.domains().size() - rows;

        int gridX = LABEL_WIDTH;
        int gridY = empty ? PAD + 24 : header(grid.people().subList(0, cols));
        int gridBottom = gridY + rows * CELL_HEIGHT + (moreDomains > 0 ? CELL_HEIGHT : 0);
        int legendY = (empty ? gridY : gridBottom) + 16;
        int legendWidth = PAD + Level.values().length * LEGEND_ITEM;
        int width = Math.max(legendWidth, gridX + cols * CELL_WIDTH + SLANT_OVERHANG + (morePeople > 0 ? CELL_WIDTH : 0));
        int height = legendY + SWATCH_HEIGHT + PAD;

        String description = Charts.orEmpty(text.description()) + leftOut(morePeople, moreDomains);
        Svg svg = Svg.document(id, width, height, Charts.orEmpty(text.title()), description);
        if (empty) {
            svg.text(Charts.orEmpty(text.description()), 80, "x", str(PAD), "y", str(PAD + 16), "fill", Charts.MUTED);
        } else {
            drawGrid(svg, id, grid, cols, rows, gridX, gridY);
            drawLeftOut(svg, id, morePeople, moreDomains, gridX + cols * CELL_WIDTH, gridY, gridY + rows * CELL_HEIGHT);
        }
        drawLegend(svg, id, legendY);
        return svg.finish();
    }

    private static void drawGrid(Svg svg, String id, CoverageGrid grid, int cols, int rows, int gridX, int gridY) {
        List<String> people = grid.people().subList(0, cols);
        List<String> domains = grid.domains().subList(0, rows);
        svg.open("g", "id", id + "-people");
        for (int c = 0; c < cols; c++) {
            int x = gridX + c * CELL_WIDTH + CELL_WIDTH / 2 - 4;
            int y = gridY - 6;
            svg.text(people.get(c), PERSON_CHARS, "x", str(x), "y", str(y), "transform", "rotate(-60 " + x + " " + y + ")");
        }
        svg.close("g");
        svg.open("g", "id", id + "-domains");
        for (int r = 0; r < rows; r++) {
            int y = gridY + r * CELL_HEIGHT;
            if (r % 2 == 1) {
                svg.empty("rect", "x", str(PAD), "y", str(y), "width", str(gridX - PAD + cols * CELL_WIDTH),
                        "height", str(CELL_HEIGHT), "fill", Charts.STRIPE);
            }
            svg.text(domains.get(r), DOMAIN_CHARS, "x", str(gridX - PAD), "y", str(y + 15), "text-anchor", "end");
        }
        svg.empty("rect", "x", str(gridX), "y", str(gridY), "width", str(cols * CELL_WIDTH), "height", str(rows * CELL_HEIGHT),
                "fill", "none", "stroke", Charts.GRID);
        svg.close("g");
        svg.open("g", "id", id + "-cells", "text-anchor", "middle");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int level = grid.level(domains.get(r), people.get(c));
                if (level > 0) {
                    cell(svg, domains.get(r), people.get(c), level, gridX + c * CELL_WIDTH, gridY + r * CELL_HEIGHT);
                }
            }
        }
        svg.close("g");
    }

    /**
     * The height above the grid for the slanted usernames: as much as the longest of them needs (a team of short
     * names gets a short chart), at least enough for the {@code +N} of people left out.
     */
    static int header(List<String> people) {
        int longest = 0;
        for (String p : people) {
            String shown = Charts.shorten(p, PERSON_CHARS);
            longest = Math.max(longest, shown.codePointCount(0, shown.length()));
        }
        return Math.max(PAD + 24, PAD + 12 + (int) Math.ceil(longest * SLANT_CHAR_UP));
    }

    private static void cell(Svg svg, String domain, String person, int level, int x, int y) {
        Level l = Level.values()[level - 1];
        svg.open("g");
        svg.element("title", domain + " \u00B7 " + person + ": " + level + " " + l.name());
        svg.empty("rect", "x", str(x + 1), "y", str(y + 1), "width", str(CELL_WIDTH - 2), "height", str(CELL_HEIGHT - 2),
                "fill", FILL.get(level - 1));
        number(svg, l, x + CELL_WIDTH / 2, y + 15);
        svg.close("g");
    }

    /** A level's number as the cell and the legend show it: bold where the level may approve. */
    private static void number(Svg svg, Level level, int x, int y) {
        if (level.mayApprove()) {
            svg.element("text", Integer.toString(level.number()), "x", str(x), "y", str(y), "fill",
                    NUMBER.get(level.number() - 1), "font-weight", "bold");
        } else {
            svg.element("text", Integer.toString(level.number()), "x", str(x), "y", str(y), "fill", NUMBER.get(level.number() - 1));
        }
    }

    private static void drawLeftOut(Svg svg, String id, int morePeople, int moreDomains, int gridRight, int gridTop,
                                    int gridBottom) {
        if (morePeople == 0 && moreDomains == 0) {
            return;
        }
        svg.open("g", "id", id + "-more", "fill", Charts.MUTED, "font-weight", "bold");
        if (morePeople > 0) {
            svg.element("text", "+" + morePeople, "x", str(gridRight + 6), "y", str(gridTop - 6));
        }
        if (moreDomains > 0) {
            svg.element("text", "+" + moreDomains, "x", str(LABEL_WIDTH - PAD), "y", str(gridBottom + 15), "text-anchor", "end");
        }
        svg.close("g");
    }

    /** The words added to the description when people or domains are left out: {@code " (+N →, +M ↓)"}. */
    static String leftOut(int morePeople, int moreDomains) {
        if (morePeople == 0 && moreDomains == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (");
        if (morePeople > 0) {
            s.append('+').append(morePeople).append(" \u2192");
        }
        if (moreDomains > 0) {
            s.append(morePeople > 0 ? ", " : "").append('+').append(moreDomains).append(" \u2193");
        }
        return s.append(')').toString();
    }

    private static void drawLegend(Svg svg, String id, int y) {
        svg.open("g", "id", id + "-legend");
        for (Level level : Level.values()) {
            int x = PAD + (level.number() - 1) * LEGEND_ITEM;
            svg.empty("rect", "x", str(x), "y", str(y), "width", str(SWATCH_WIDTH), "height", str(SWATCH_HEIGHT),
                    "fill", FILL.get(level.number() - 1));
            svg.open("g", "text-anchor", "middle");
            number(svg, level, x + SWATCH_WIDTH / 2, y + 13);
            svg.close("g");
            svg.element("text", level.name(), "x", str(x + SWATCH_WIDTH + 4), "y", str(y + 13));
        }
        svg.close("g");
    }

    private static String str(int i) {
        return Integer.toString(i);
    }
}
