package io.mandate.accountability;

import org.junit.Test;
import org.w3c.dom.Element;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.mandate.accountability.SvgDocument.children;
import static io.mandate.accountability.SvgDocument.named;
import static io.mandate.accountability.SvgDocument.number;
import static io.mandate.accountability.SvgDocument.texts;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** {@link Charts#trendLine}: the y of each point, gaps for empty months, the axis ticks and month labels. */
public class ChartsTrendLineTest {

    private static final ChartText TEXT = new ChartText("t", "Distribution index", "1 is evenly spread.");
    private static final YearMonth FIRST = YearMonth.of(2025, 7);
    private static final double PLOT = TrendLineChart.BOTTOM - TrendLineChart.TOP;

    /** Twelve months from July 2025; a null index is a month without decisions. */
    private static List<MonthIndex> months(Double... index) {
        List<MonthIndex> trend = new ArrayList<>();
        for (int i = 0; i < index.length; i++) {
            trend.add(index[i] == null ? new MonthIndex(FIRST.plusMonths(i), 0, 1.0) : new MonthIndex(FIRST.plusMonths(i), 3, index[i]));
        }
        return trend;
    }

    private static SvgDocument chart(List<MonthIndex> trend) {
        return SvgDocument.parse(Charts.trendLine(trend, TEXT));
    }

    private static List<Element> circles(SvgDocument svg) {
        return named(svg.byId("t-trend-points"), "circle");
    }

    /** The index a point's height stands for. */
    private static double indexOf(Element circle) {
        return (TrendLineChart.BOTTOM - number(circle, "cy")) / PLOT;
    }

    @Test
    public void aPointsHeightIsProportionalToTheIndex() {
        SvgDocument svg = chart(months(0.0, 0.25, 0.5, 0.8, 1.0));
        List<Element> circles = circles(svg);
        assertEquals(5, circles.size());
        List<Double> read = circles.stream().map(ChartsTrendLineTest::indexOf).toList();
        assertEquals(List.of(0.0, 0.25, 0.5, 0.8, 1.0), read);
        assertEquals("1 is the top of the plot", TrendLineChart.TOP, number(circles.get(4), "cy"), 0);
        assertEquals("0 is its floor", TrendLineChart.BOTTOM, number(circles.get(0), "cy"), 0);
    }

    @Test
    public void eachPointShowsItsValueAsTextAndOnHover() {
        SvgDocument svg = chart(months(1.0, 0.0, 0.625));
        assertEquals(List.of("1", "0", "0.63"), texts(svg.byId("t-trend-points")));
        List<String> hovers = children(svg.byId("t-trend-points")).stream().map(SvgDocument::titleOf).toList();
        assertEquals(List.of("2025-07: 1", "2025-08: 0", "2025-09: 0.63"), hovers);
    }

    @Test
    public void monthsSitInEqualColumnsOldestFirst() {
        SvgDocument svg = chart(months(0.5, 0.5, 0.5, 0.5));
        List<Double> xs = circles(svg).stream().map(c -> number(c, "cx")).toList();
        double step = (TrendLineChart.RIGHT - TrendLineChart.LEFT) / 4.0;
        for (int i = 0; i < xs.size(); i++) {
            assertEquals(TrendLineChart.LEFT + step * (i + 0.5), xs.get(i), 0.01);
        }
    }

    @Test
    public void aMonthWithoutDecisionsIsAGapNotAZero() {
        SvgDocument svg = chart(months(0.4, null, 0.6, 0.7, null, null));
        assertEquals("only the three months with decisions", 3, circles(svg).size());
        List<Element> lines = named(svg.byId("t-trend-line"), "polyline");
        assertEquals("the line is broken where a month is empty: only months 3 and 4 are joined", 1, lines.size());
        String[] points = lines.get(0).getAttribute("points").split(" ");
        assertEquals(2, points.length);
        assertEquals(TrendLineChart.y(0.6), Double.parseDouble(points[0].split(",")[1]), 0.01);
        assertEquals(TrendLineChart.y(0.7), Double.parseDouble(points[1].split(",")[1]), 0.01);
        for (Element c : circles(svg)) {
            assertTrue("nothing drawn on the floor or the top for an empty month", indexOf(c) > 0.3 && indexOf(c) < 0.8);
        }
    }

    @Test
    public void consecutiveMonthsAreJoinedByOneLine() {
        SvgDocument svg = chart(months(0.1, 0.2, 0.3));
        List<Element> lines = named(svg.byId("t-trend-line"), "polyline");
        assertEquals(1, lines.size());
        assertEquals(3, lines.get(0).getAttribute("points").split(" ").length);
    }

    @Test
    public void twelveEmptyMonthsDrawAxesAndLabelsButNoPointAndShowTheDescription() {
        Double[] none = new Double[12];
        SvgDocument svg = chart(months(none));
        assertNull(svg.find("t-trend-points"));
        assertNull(svg.find("t-trend-line"));
        assertEquals(List.of(), named(svg.root, "circle"));
        assertTrue(texts(svg.root).contains("1 is evenly spread."));
        assertEquals(3 + 12, texts(svg.byId("t-trend-axis")).size());
    }

    @Test
    public void theAxisHasTicksAtZeroHalfAndOne() {
        SvgDocument svg = chart(months(0.5));
        List<String> labels = texts(svg.byId("t-trend-axis"));
        assertEquals(List.of("0", "0.5", "1"), labels.subList(0, 3));
        List<Element> ticks = named(svg.byId("t-trend-axis"), "line");
        assertEquals(List.of(TrendLineChart.y(0), TrendLineChart.y(0.5), TrendLineChart.y(1)),
                ticks.stream().map(t -> number(t, "y1")).toList());
    }

    @Test
    public void monthLabelsNameTheYearAtTheStartAndInJanuaryOnly() {
        Double[] none = new Double[12];
        SvgDocument svg = chart(months(none));
        List<String> labels = texts(svg.byId("t-trend-axis"));
        assertEquals(List.of("2025-07", "08", "09", "10", "11", "12", "2026-01", "02", "03", "04", "05", "06"),
                labels.subList(3, labels.size()));
    }

    @Test
    public void manyMonthsAreLabelledOnlyEveryFewSoLabelsDoNotOverlap() {
        Double[] none = new Double[36];
        SvgDocument svg = chart(months(none));
        List<Element> monthLabels = named(svg.byId("t-trend-axis"), "text").subList(3, named(svg.byId("t-trend-axis"), "text").size());
        assertTrue("fewer labels than months: " + monthLabels.size(), monthLabels.size() < 36);
        for (int i = 1; i < monthLabels.size(); i++) {
            assertTrue(number(monthLabels.get(i), "x") - number(monthLabels.get(i - 1), "x") >= 44);
        }
        List<String> texts = monthLabels.stream().map(SvgDocument::ownText).toList();
        assertEquals("a label every 3 months from July 2025", "2025-07", texts.get(0));
        assertEquals("the year is named where it changes between labels", "2026-01", texts.get(2));
    }

    @Test
    public void anEmptyTrendIsStillAValidChart() {
        SvgDocument svg = chart(List.of());
        assertEquals("Distribution index", svg.byId("t-trend-title").getTextContent());
        assertEquals(List.of("0", "0.5", "1"), texts(svg.byId("t-trend-axis")));
    }
}
