package io.mandate.accountability;

import io.mandate.authority.Level;
import org.junit.Test;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mandate.accountability.SvgDocument.children;
import static io.mandate.accountability.SvgDocument.named;
import static io.mandate.accountability.SvgDocument.number;
import static io.mandate.accountability.SvgDocument.ownText;
import static io.mandate.accountability.SvgDocument.texts;
import static io.mandate.accountability.SvgDocument.titleOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** {@link Charts#coverageHeatMap}: one cell per level held, its shade and number, the legend, the size limits. */
public class ChartsCoverageHeatMapTest {

    private static final ChartText TEXT = new ChartText("t", "Coverage", "Levels per domain and person.");

    private static SvgDocument chart(CoverageGrid grid) {
        return SvgDocument.parse(Charts.coverageHeatMap(grid, TEXT));
    }

    private static List<Element> cells(SvgDocument svg) {
        return children(svg.byId("t-coverage-cells"));
    }

    /** ARCH: alice 7, bob 3; HIRING: bob 5; SPEND: nobody. */
    private static CoverageGrid small() {
        return new CoverageGrid(List.of("SPEND", "HIRING", "ARCH"), List.of("bob", "alice", "carol"),
                Map.of("ARCH", Map.of("alice", 7, "bob", 3), "HIRING", Map.of("bob", 5, "carol", 0)));
    }

    @Test
    public void theGridSortsDomainsAndPeopleAndAnswersZeroForNoLevel() {
        CoverageGrid grid = small();
        assertEquals(List.of("ARCH", "HIRING", "SPEND"), grid.domains());
        assertEquals(List.of("alice", "bob", "carol"), grid.people());
        assertEquals(7, grid.level("ARCH", "alice"));
        assertEquals(0, grid.level("ARCH", "carol"));
        assertEquals(0, grid.level("SPEND", "alice"));
        assertEquals(0, grid.level("NOPE", "alice"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aLevelAboveSevenIsRefused() {
        new CoverageGrid(List.of("ARCH"), List.of("alice"), Map.of("ARCH", Map.of("alice", 8)));
    }

    @Test
    public void thereIsOneCellPerLevelHeldWithItsShadeAndNumber() {
        SvgDocument svg = chart(small());
        List<Element> cells = cells(svg);
        assertEquals(3, cells.size());
        assertEquals(List.of("ARCH \u00B7 alice: 7 DELEGATE", "ARCH \u00B7 bob: 3 CONSULT", "HIRING \u00B7 bob: 5 ADVISE"),
                cells.stream().map(SvgDocument::titleOf).toList());
        assertEquals(List.of("#0747A6", "#4C9AFF", "#0065FF"),
                cells.stream().map(c -> named(c, "rect").get(0).getAttribute("fill")).toList());
        assertEquals(List.of("7", "3", "5"), texts(svg.byId("t-coverage-cells")));
    }

    @Test
    public void aCellStandsInItsDomainsRowAndItsPersonsColumn() {
        SvgDocument svg = chart(small());
        Element hiringBob = named(cells(svg).get(2), "rect").get(0);
        assertEquals("bob is the 2nd column", CoverageHeatMap.LABEL_WIDTH + CoverageHeatMap.CELL_WIDTH + 1, number(hiringBob, "x"), 0);
        int gridTop = CoverageHeatMap.header(List.of("alice", "bob", "carol"));
        assertEquals("HIRING is the 2nd row", gridTop + CoverageHeatMap.CELL_HEIGHT + 1, number(hiringBob, "y"), 0);
        assertEquals(List.of("alice", "bob", "carol"), texts(svg.byId("t-coverage-people")));
        assertEquals(List.of("ARCH", "HIRING", "SPEND"), texts(svg.byId("t-coverage-domains")));
    }

    @Test
    public void everyLevelHasItsOwnShadeDarkerAsTheLevelRisesAndApprovingNumbersAreBold() {
        Map<String, Map<String, Integer>> levels = new HashMap<>();
        List<String> people = new ArrayList<>();
        for (int l = 1; l <= 7; l++) {
            people.add("p" + l);
            levels.computeIfAbsent("ARCH", d -> new HashMap<>()).put("p" + l, l);
        }
        SvgDocument svg = chart(new CoverageGrid(List.of("ARCH"), people, levels));
        List<Element> cells = cells(svg);
        assertEquals(7, cells.size());
        double lighter = 2;
        for (int l = 1; l <= 7; l++) {
            Element cell = cells.get(l - 1);
            String fill = named(cell, "rect").get(0).getAttribute("fill");
            assertEquals(CoverageHeatMap.FILL.get(l - 1), fill);
            double luminance = ChartsContrastTest.luminance(fill);
            assertTrue("level " + l + " is darker than level " + (l - 1), luminance < lighter);
            lighter = luminance;
            Element number = named(cell, "text").get(0);
            assertEquals(String.valueOf(l), ownText(number));
            assertEquals(l >= 5 ? "bold" : "", number.getAttribute("font-weight"));
        }
    }

    @Test
    public void theLegendNamesTheSevenLevelsWithTheirNumberAndShade() {
        SvgDocument svg = chart(small());
        Element legend = svg.byId("t-coverage-legend");
        List<String> texts = texts(legend);
        List<String> expected = new ArrayList<>();
        for (Level level : Level.values()) {
            expected.add(String.valueOf(level.number()));
            expected.add(level.name());
        }
        assertEquals(expected, texts);
        assertEquals(CoverageHeatMap.FILL, named(legend, "rect").stream().map(r -> r.getAttribute("fill")).toList());
    }

    @Test
    public void atMostFortyPeopleAndSixtyDomainsAreDrawnAndTheRestIsCounted() {
        List<String> people = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        Map<String, Map<String, Integer>> levels = new HashMap<>();
        for (int p = 0; p < 45; p++) {
            people.add(String.format("u%02d", p));
        }
        for (int d = 0; d < 63; d++) {
            String domain = String.format("D%02d", d);
            domains.add(domain);
            Map<String, Integer> row = new HashMap<>();
            for (int p = 0; p < people.size(); p++) {
                row.put(people.get(p), 1 + (p + d) % 7);
            }
            levels.put(domain, row);
        }
        SvgDocument svg = chart(new CoverageGrid(domains, people, levels));
        assertEquals(Charts.MAX_PEOPLE * Charts.MAX_DOMAINS, cells(svg).size());
        assertEquals(Charts.MAX_PEOPLE, texts(svg.byId("t-coverage-people")).size());
        assertEquals(Charts.MAX_DOMAINS, texts(svg.byId("t-coverage-domains")).size());
        assertEquals("u39", texts(svg.byId("t-coverage-people")).get(Charts.MAX_PEOPLE - 1));
        assertEquals(List.of("+5", "+3"), texts(svg.byId("t-coverage-more")));
        assertEquals("Levels per domain and person. (+5 \u2192, +3 \u2193)", svg.byId("t-coverage-desc").getTextContent());
        double right = number(svg.root, "width");
        for (Element rect : named(svg.byId("t-coverage-cells"), "rect")) {
            assertTrue("every cell inside the picture", number(rect, "x") + number(rect, "width") <= right);
        }
    }

    @Test
    public void onlyThePeopleLeftOutAreCountedWhenAllDomainsFit() {
        List<String> people = new ArrayList<>();
        for (int p = 0; p < 41; p++) {
            people.add(String.format("u%02d", p));
        }
        SvgDocument svg = chart(new CoverageGrid(List.of("ARCH"), people, Map.of("ARCH", Map.of("u40", 5))));
        assertEquals(List.of("+1"), texts(svg.byId("t-coverage-more")));
        assertEquals("Levels per domain and person. (+1 \u2192)", svg.byId("t-coverage-desc").getTextContent());
        assertEquals("u40 is not drawn, nor their cell", List.of(), cells(svg));
    }

    @Test
    public void aGridThatFitsAddsNothingToTheDescription() {
        SvgDocument svg = chart(small());
        assertNull(svg.find("t-coverage-more"));
        assertEquals("Levels per domain and person.", svg.byId("t-coverage-desc").getTextContent());
    }

    @Test
    public void noDomainsIsAValidChartWithTheDescriptionAndTheLegend() {
        SvgDocument svg = chart(new CoverageGrid(List.of(), List.of("alice"), Map.of()));
        assertNull(svg.find("t-coverage-cells"));
        assertEquals("Coverage", svg.byId("t-coverage-title").getTextContent());
        assertTrue(texts(svg.root).contains("Levels per domain and person."));
        assertEquals(7, named(svg.byId("t-coverage-legend"), "rect").size());
    }

    @Test
    public void domainsWithoutAnyLevelAreRowsWithoutCells() {
        SvgDocument svg = chart(new CoverageGrid(List.of("ARCH", "HIRING"), List.of("alice"), Map.of()));
        assertEquals(List.of(), cells(svg));
        assertEquals(List.of("ARCH", "HIRING"), texts(svg.byId("t-coverage-domains")));
    }

    @Test
    public void longNamesAreShortenedWithTheFullNameOnHover() {
        String domain = "A_VERY_LONG_DOMAIN_KEY_THAT_GOES_ON";
        String person = "maximilian.mustermann@example.org";
        SvgDocument svg = chart(new CoverageGrid(List.of(domain), List.of(person), Map.of(domain, Map.of(person, 6))));
        Element domainLabel = named(svg.byId("t-coverage-domains"), "text").get(0);
        Element personLabel = named(svg.byId("t-coverage-people"), "text").get(0);
        assertEquals("A_VERY_LONG_DOMAIN_\u2026", ownText(domainLabel));
        assertEquals(domain, titleOf(domainLabel));
        assertEquals("maximilian.must\u2026", ownText(personLabel));
        assertEquals(person, titleOf(personLabel));
        assertEquals(domain + " \u00B7 " + person + ": 6 INQUIRE", titleOf(cells(svg).get(0)));
    }

    @Test
    public void theSpaceAboveTheGridGrowsWithTheLongestUsernameUpToTheShortenedLength() {
        int shortNames = CoverageHeatMap.header(List.of("al", "bo"));
        int longName = CoverageHeatMap.header(List.of("al", "maximilian.mustermann"));
        int longer = CoverageHeatMap.header(List.of("al", "maximilian.mustermann.schmidt.meier"));
        assertTrue(shortNames + " < " + longName, shortNames < longName);
        assertEquals("names are shortened, so the space stops growing", longName, longer);
        SvgDocument svg = chart(new CoverageGrid(List.of("ARCH"), List.of("al"), Map.of("ARCH", Map.of("al", 2))));
        assertEquals(shortNames + 1, number(named(svg.byId("t-coverage-cells"), "rect").get(0), "y"), 0);
    }

    @Test
    public void manyDomainsWithoutPeopleAreAnEmptyChartThatCountsNothingAsLeftOut() {
        List<String> domains = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            domains.add("D" + d);
        }
        SvgDocument svg = chart(new CoverageGrid(domains, List.of(), Map.of()));
        assertNull(svg.find("t-coverage-domains"));
        assertNull(svg.find("t-coverage-more"));
        assertEquals("Levels per domain and person.", svg.byId("t-coverage-desc").getTextContent());
    }
}
