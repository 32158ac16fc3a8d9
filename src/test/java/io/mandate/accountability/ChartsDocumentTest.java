package io.mandate.accountability;

import org.junit.Test;
import org.w3c.dom.Element;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.mandate.accountability.SvgDocument.children;
import static io.mandate.accountability.SvgDocument.number;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** What every chart is as a document: standalone SVG, labelled for screen readers, the same bytes for the same input. */
public class ChartsDocumentTest {

    private static final List<Load> LOAD = List.of(new Load("alice", 7), new Load("bob", 2), new Load("carol", 0));
    private static final List<MonthIndex> TREND = List.of(new MonthIndex(YearMonth.of(2026, 1), 4, 0.625),
            new MonthIndex(YearMonth.of(2026, 2), 0, 1), new MonthIndex(YearMonth.of(2026, 3), 3, 1.0 / 3));
    private static final CoverageGrid GRID = new CoverageGrid(List.of("ARCH", "HIRING"), List.of("alice", "bob"),
            Map.of("ARCH", Map.of("alice", 7, "bob", 4), "HIRING", Map.of("bob", 5)));

    private static List<String> charts(ChartText text) {
        return List.of(Charts.loadBars(LOAD, text), Charts.trendLine(TREND, text), Charts.coverageHeatMap(GRID, text));
    }

    @Test
    public void everyChartIsAStandaloneImageLabelledByItsTitleAndDescription() {
        for (String chart : charts(new ChartText("ACME", "The title", "The description"))) {
            SvgDocument svg = SvgDocument.parse(chart);
            Element root = svg.root;
            assertEquals(Svg.NS, root.getNamespaceURI());
            assertEquals("svg", root.getLocalName());
            assertEquals("img", root.getAttribute("role"));
            List<Element> first = children(root).subList(0, 2);
            assertEquals("title", first.get(0).getLocalName());
            assertEquals("desc", first.get(1).getLocalName());
            assertEquals(first.get(0).getAttribute("id") + " " + first.get(1).getAttribute("id"), root.getAttribute("aria-labelledby"));
            assertEquals("The title", first.get(0).getTextContent());
            assertEquals("The description", first.get(1).getTextContent());
            assertEquals("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"), root.getAttribute("viewBox"));
            assertEquals("Arial, sans-serif", root.getAttribute("font-family"));
            assertTrue("no script, stylesheet, link or external resource", !chart.contains("<script") && !chart.contains("<style")
                    && !chart.contains("href") && !chart.contains("style=") && !chart.contains("url("));
        }
    }

    @Test
    public void theIdsStartWithThePrefixAndTheChartsKind() {
        List<String> charts = charts(new ChartText("ACME", "t", "d"));
        assertEquals("ACME-load-title ACME-load-desc", SvgDocument.parse(charts.get(0)).root.getAttribute("aria-labelledby"));
        assertEquals("ACME-trend-title ACME-trend-desc", SvgDocument.parse(charts.get(1)).root.getAttribute("aria-labelledby"));
        assertEquals("ACME-coverage-title ACME-coverage-desc", SvgDocument.parse(charts.get(2)).root.getAttribute("aria-labelledby"));
    }

    @Test
    public void theThreeChartsOfOnePageHaveNoIdInCommon() {
        Set<String> ids = new HashSet<>();
        int count = 0;
        for (String chart : charts(new ChartText("ACME", "t", "d"))) {
            for (Element e : SvgDocument.all(SvgDocument.parse(chart).root)) {
                if (!e.getAttribute("id").isEmpty()) {
                    ids.add(e.getAttribute("id"));
                    count++;
                }
            }
        }
        assertEquals(count, ids.size());
    }

    @Test
    public void withoutPrefixTheIdsStartWithMandateAndAPrefixIsMadeAValidName() {
        assertEquals("mandate-load-title mandate-load-desc",
                SvgDocument.parse(Charts.loadBars(LOAD, new ChartText(null, "t", "d"))).root.getAttribute("aria-labelledby"));
        assertEquals("mandate-load-title mandate-load-desc",
                SvgDocument.parse(Charts.loadBars(LOAD, new ChartText("  ", "t", "d"))).root.getAttribute("aria-labelledby"));
        assertEquals("c1_b_c_-load-title c1_b_c_-load-desc",
                SvgDocument.parse(Charts.loadBars(LOAD, new ChartText("1 b\"c\u00e9", "t", "d"))).root.getAttribute("aria-labelledby"));
    }

    @Test
    public void nullTitleAndDescriptionAreEmpty() {
        SvgDocument svg = SvgDocument.parse(Charts.trendLine(TREND, new ChartText(null, null, null)));
        assertEquals("", svg.byId("mandate-trend-title").getTextContent());
        assertEquals("", svg.byId("mandate-trend-desc").getTextContent());
    }

    @Test
    public void theSameInputGivesTheSameBytes() {
        ChartText text = new ChartText("ACME", "t", "d");
        assertEquals(charts(text), charts(text));
        CoverageGrid reordered = new CoverageGrid(List.of("HIRING", "ARCH"), List.of("bob", "alice"),
                Map.of("HIRING", Map.of("bob", 5), "ARCH", Map.of("bob", 4, "alice", 7)));
        assertEquals("the grid's order does not depend on the caller's", Charts.coverageHeatMap(GRID, text),
                Charts.coverageHeatMap(reordered, text));
    }

    @Test
    public void numbersDoNotDependOnTheServersLocale() {
        ChartText text = new ChartText("ACME", "t", "d");
        Locale before = Locale.getDefault();
        List<String> root;
        List<List<String>> others = new ArrayList<>();
        try {
            Locale.setDefault(Locale.ROOT);
            root = charts(text);
            for (String tag : List.of("de-DE", "fr-FR", "ar-EG-u-nu-arab", "hi-IN-u-nu-deva")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                others.add(charts(text));
            }
        } finally {
            Locale.setDefault(before);
        }
        for (List<String> other : others) {
            assertEquals(root, other);
        }
        assertTrue("the trend's one third is written with a dot", root.get(1).contains(">0.33<"));
    }

    @Test
    public void theHeightOfEveryChartHoldsAllItsElements() {
        for (String chart : charts(new ChartText("ACME", "t", "d"))) {
            SvgDocument svg = SvgDocument.parse(chart);
            double height = number(svg.root, "height");
            double width = number(svg.root, "width");
            for (Element e : SvgDocument.all(svg.root)) {
                for (String a : List.of("y", "y1", "y2", "cy")) {
                    if (e.hasAttribute(a)) {
                        assertTrue(e.getTagName() + " " + a + " inside", number(e, a) >= 0 && number(e, a) <= height);
                    }
                }
                for (String a : List.of("x", "x1", "x2", "cx")) {
                    if (e.hasAttribute(a)) {
                        assertTrue(e.getTagName() + " " + a + " inside", number(e, a) >= 0 && number(e, a) <= width);
                    }
                }
            }
        }
    }
}
