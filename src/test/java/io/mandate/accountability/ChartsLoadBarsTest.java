package io.mandate.accountability;

import org.junit.Test;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

import static io.mandate.accountability.SvgDocument.children;
import static io.mandate.accountability.SvgDocument.named;
import static io.mandate.accountability.SvgDocument.number;
import static io.mandate.accountability.SvgDocument.ownText;
import static io.mandate.accountability.SvgDocument.texts;
import static io.mandate.accountability.SvgDocument.titleOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** {@link Charts#loadBars}: bar lengths, the counts as text, the overflow line, the empty and the all-zero chart. */
public class ChartsLoadBarsTest {

    private static final ChartText TEXT = new ChartText("t", "Load per person", "Decisions each person approves.");

    private static SvgDocument chart(List<Load> load) {
        return SvgDocument.parse(Charts.loadBars(load, TEXT));
    }

    /** One row per drawn person: its label, bar and count. */
    private static List<Element> rows(SvgDocument svg) {
        return children(svg.byId("t-load-bars"));
    }

    private static Element bar(Element row) {
        return named(row, "rect").get(0);
    }

    @Test
    public void barsAreAsLongAsTheirCountsAndTheLargestFillsTheWidth() {
        SvgDocument svg = chart(List.of(new Load("alice", 12), new Load("bob", 9), new Load("carol", 3), new Load("dave", 0)));
        List<Double> widths = rows(svg).stream().map(r -> number(bar(r), "width")).toList();
        assertEquals(List.of(400.0, 300.0, 100.0, 0.0), widths);
        for (Element row : rows(svg)) {
            assertEquals("every bar starts on the axis", LoadBarChart.BAR_X, number(bar(row), "x"), 0);
        }
    }

    @Test
    public void eachRowShowsTheNameAndTheCountAsText() {
        SvgDocument svg = chart(List.of(new Load("alice", 12), new Load("bob", 9), new Load("dave", 0)));
        assertEquals(List.of("alice", "12", "bob", "9", "dave", "0"), texts(svg.byId("t-load-bars")));
    }

    @Test
    public void aCountStandsJustRightOfItsBar() {
        SvgDocument svg = chart(List.of(new Load("alice", 4), new Load("bob", 1)));
        for (Element row : rows(svg)) {
            Element count = named(row, "text").get(1);
            assertEquals(number(bar(row), "x") + number(bar(row), "width") + 6, number(count, "x"), 0.01);
        }
    }

    @Test
    public void rowsFollowTheListsOrderTopDown() {
        SvgDocument svg = chart(List.of(new Load("zoe", 5), new Load("adam", 5), new Load("bob", 1)));
        List<Element> rows = rows(svg);
        assertEquals(List.of("zoe", "adam", "bob"), rows.stream().map(r -> ownText(named(r, "text").get(0))).toList());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(LoadBarChart.ROW, number(bar(rows.get(i)), "y") - number(bar(rows.get(i - 1)), "y"), 0);
        }
    }

    @Test
    public void onePersonIsOneFullBar() {
        SvgDocument svg = chart(List.of(new Load("alice", 1)));
        assertEquals(1, rows(svg).size());
        assertEquals(LoadBarChart.BAR_MAX, number(bar(rows(svg).get(0)), "width"), 0);
    }

    @Test
    public void allLoadsZeroDrawsNoBarLengthButEveryCount() {
        SvgDocument svg = chart(List.of(new Load("alice", 0), new Load("bob", 0)));
        assertEquals(List.of(0.0, 0.0), rows(svg).stream().map(r -> number(bar(r), "width")).toList());
        assertEquals(List.of("alice", "0", "bob", "0"), texts(svg.byId("t-load-bars")));
    }

    @Test
    public void anEmptyLoadIsAValidChartThatShowsItsDescription() {
        SvgDocument svg = chart(List.of());
        assertNull("no bars", svg.find("t-load-bars"));
        assertEquals("Load per person", svg.byId("t-load-title").getTextContent());
        assertTrue(texts(svg.root).contains("Decisions each person approves."));
        assertEquals(List.of(), named(svg.root, "rect"));
    }

    @Test
    public void beyondTheMaximumTheRestIsOneLineWithTheirNumberAndTotal() {
        List<Load> load = new ArrayList<>();
        for (int i = 0; i < Charts.MAX_BARS + 5; i++) {
            load.add(new Load(String.format("u%02d", i), 100 - i));
        }
        SvgDocument svg = chart(load);
        assertEquals(Charts.MAX_BARS, rows(svg).size());
        assertEquals("u19", ownText(named(rows(svg).get(Charts.MAX_BARS - 1), "text").get(0)));
        long rest = 80 + 79 + 78 + 77 + 76;
        assertEquals(List.of("+5", "\u03A3 " + rest), texts(svg.byId("t-load-more")));
        double moreY = number(named(svg.byId("t-load-more"), "text").get(0), "y");
        double lastBarY = number(named(rows(svg).get(Charts.MAX_BARS - 1), "text").get(0), "y");
        assertEquals("the line comes after the last bar", LoadBarChart.ROW, moreY - lastBarY, 0);
        assertEquals("the chart is as high as its rows", 2 * 8 + (Charts.MAX_BARS + 1) * LoadBarChart.ROW,
                number(svg.root, "height"), 0);
    }

    @Test
    public void exactlyTheMaximumHasNoOverflowLine() {
        List<Load> load = new ArrayList<>();
        for (int i = 0; i < Charts.MAX_BARS; i++) {
            load.add(new Load("u" + i, 1));
        }
        SvgDocument svg = chart(load);
        assertEquals(Charts.MAX_BARS, rows(svg).size());
        assertNull(svg.find("t-load-more"));
    }

    @Test
    public void aLongNameIsShortenedWithAnEllipsisAndShownInFullOnHover() {
        String name = "maximilian.mustermann-schmidt@example.org";
        SvgDocument svg = chart(List.of(new Load(name, 2)));
        Element label = named(rows(svg).get(0), "text").get(0);
        assertEquals("maximilian.mustermann\u2026", ownText(label));
        assertEquals(name, titleOf(label));
        Element shortLabel = named(rows(chart(List.of(new Load("alice", 2)))).get(0), "text").get(0);
        assertNull("a name that fits has no hover title", titleOf(shortLabel));
    }

    @Test
    public void anEllipsisNeverCutsAnEmojiInHalf() {
        String name = "\uD83D\uDE00".repeat(30);
        SvgDocument svg = chart(List.of(new Load(name, 2)));
        assertEquals("\uD83D\uDE00".repeat(21) + "\u2026", ownText(named(rows(svg).get(0), "text").get(0)));
    }
}
