package io.mandate.accountability;

import org.junit.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.mandate.accountability.SvgDocument.named;
import static io.mandate.accountability.SvgDocument.ownText;
import static io.mandate.accountability.SvgDocument.titleOf;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Usernames, domain keys and the caller's words can hold anything. The XSS corpus ({@code xss-payloads.txt}, also used
 * by the browser tests) and XML's own traps, put in every place a chart writes text, must come out as text: every
 * chart parses with a DTD-refusing parser, holds only the elements and attributes the charts write, and shows the
 * payload as it was (characters XML cannot carry replaced by U+FFFD).
 */
public class ChartsEscapingTest {

    /** The elements and attributes the charts write; anything else in a document was injected. */
    static final Set<String> ELEMENTS = Set.of("svg", "title", "desc", "g", "rect", "line", "polyline", "circle", "text");
    static final Set<String> ATTRIBUTES = Set.of("xmlns", "role", "aria-labelledby", "viewBox", "width", "height", "id",
            "font-family", "font-size", "font-weight", "fill", "stroke", "stroke-width", "text-anchor", "transform", "x", "y",
            "x1", "y1", "x2", "y2", "cx", "cy", "r", "points");

    /** XML's traps beyond HTML's: payload → what a reader must see. */
    private static final Map<String, String> XML_TRAPS = new LinkedHashMap<>();

    static {
        XML_TRAPS.put("<script>alert(1)</script>", "<script>alert(1)</script>");
        XML_TRAPS.put("\"><svg onload=alert(1)>", "\"><svg onload=alert(1)>");
        XML_TRAPS.put("' onmouseover='alert(1)", "' onmouseover='alert(1)");
        XML_TRAPS.put("]]>", "]]>");
        XML_TRAPS.put("<![CDATA[<script>x</script>]]>", "<![CDATA[<script>x</script>]]>");
        XML_TRAPS.put("&amp;", "&amp;");
        XML_TRAPS.put("&lt;script&gt;", "&lt;script&gt;");
        XML_TRAPS.put("&xxe;", "&xxe;");
        XML_TRAPS.put("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;");
        XML_TRAPS.put("<?xml-stylesheet href=\"x.xsl\"?>", "<?xml-stylesheet href=\"x.xsl\"?>");
        XML_TRAPS.put("<!-- comment -->", "<!-- comment -->");
        XML_TRAPS.put("<foreignObject><body onload=alert(1)/></foreignObject>", "<foreignObject><body onload=alert(1)/></foreignObject>");
        XML_TRAPS.put("<a xlink:href=\"javascript:alert(1)\">x</a>", "<a xlink:href=\"javascript:alert(1)\">x</a>");
        XML_TRAPS.put("Zo\u00eb \uD83D\uDE00 \u65E5\u672C \u202Eevil", "Zo\u00eb \uD83D\uDE00 \u65E5\u672C \u202Eevil");
        XML_TRAPS.put("nul\u0000byte", "nul\uFFFDbyte");
        XML_TRAPS.put("bell\u0007 esc\u001B ff\u000C", "bell\uFFFD esc\uFFFD ff\uFFFD");
        XML_TRAPS.put("lone \uD800 surrogate \uDFFF", "lone \uFFFD surrogate \uFFFD");
        XML_TRAPS.put("not chars \uFFFE\uFFFF", "not chars \uFFFD\uFFFD");
        XML_TRAPS.put("tab\there", "tab\there");
        XML_TRAPS.put("cr\r\nlf", "cr\nlf");
    }

    /** Every payload with what a reader must see. */
    static Map<String, String> corpus() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (InputStream in = ChartsEscapingTest.class.getResourceAsStream("/xss-payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("%%")) {
                    all.put(line, line);
                }
            }
        }
        assertTrue("the shared corpus is there", all.size() >= 100);
        all.putAll(XML_TRAPS);
        return all;
    }

    /** Only the charts' own elements and attributes, in the SVG namespace, and no event handler. */
    static void assertNothingInjected(String payload, SvgDocument svg) {
        for (Element e : SvgDocument.all(svg.root)) {
            if (!Svg.NS.equals(e.getNamespaceURI()) || !ELEMENTS.contains(e.getLocalName())) {
                fail("element " + e.getNamespaceURI() + ":" + e.getTagName() + " injected by " + payload);
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = ((Attr) attributes.item(i)).getName();
                if (!ATTRIBUTES.contains(name) || name.toLowerCase(Locale.ROOT).startsWith("on")) {
                    fail("attribute " + name + " on " + e.getTagName() + " injected by " + payload);
                }
            }
        }
        assertEquals("the root is the chart's (a parser refuses anything after it)", "svg", svg.root.getLocalName());
    }

    /** The text as a reader sees it: the label itself or, when shortened, its hover title. */
    private static String full(Element label) {
        return titleOf(label) == null ? ownText(label) : titleOf(label);
    }

    @Test
    public void aPayloadAsUsernameIsTextInTheLoadChart() throws IOException {
        for (Map.Entry<String, String> p : corpus().entrySet()) {
            SvgDocument svg = SvgDocument.parse(Charts.loadBars(List.of(new Load(p.getKey(), 3)), new ChartText("x", "t", "d")));
            assertNothingInjected(p.getKey(), svg);
            assertEquals(p.getKey(), p.getValue(), full(named(svg.byId("x-load-bars"), "text").get(0)));
        }
    }

    @Test
    public void aPayloadAsDomainAndPersonIsTextInTheHeatMap() throws IOException {
        for (Map.Entry<String, String> p : corpus().entrySet()) {
            String payload = p.getKey();
            CoverageGrid grid = new CoverageGrid(List.of(payload), List.of(payload), Map.of(payload, Map.of(payload, 5)));
            SvgDocument svg = SvgDocument.parse(Charts.coverageHeatMap(grid, new ChartText("x", "t", "d")));
            assertNothingInjected(payload, svg);
            assertEquals(payload, p.getValue(), full(named(svg.byId("x-coverage-domains"), "text").get(0)));
            assertEquals(payload, p.getValue(), full(named(svg.byId("x-coverage-people"), "text").get(0)));
            assertEquals(payload, p.getValue() + " \u00B7 " + p.getValue() + ": 5 ADVISE",
                    titleOf((Element) named(svg.byId("x-coverage-cells"), "g").get(0)));
        }
    }

    @Test
    public void aPayloadAsTitleDescriptionOrIdPrefixIsTextInEveryChart() throws IOException {
        List<MonthIndex> trend = List.of(new MonthIndex(YearMonth.of(2026, 1), 2, 0.5));
        CoverageGrid grid = new CoverageGrid(List.of("ARCH"), List.of("alice"), Map.of("ARCH", Map.of("alice", 5)));
        for (Map.Entry<String, String> p : corpus().entrySet()) {
            String payload = p.getKey();
            ChartText text = new ChartText(payload, payload, payload);
            List<String> charts = new ArrayList<>();
            charts.add(Charts.loadBars(List.of(new Load("alice", 1)), text));
            charts.add(Charts.loadBars(List.of(), text));
            charts.add(Charts.trendLine(trend, text));
            charts.add(Charts.trendLine(List.of(), text));
            charts.add(Charts.coverageHeatMap(grid, text));
            charts.add(Charts.coverageHeatMap(new CoverageGrid(List.of(), List.of(), Map.of()), text));
            for (String chart : charts) {
                SvgDocument svg = SvgDocument.parse(chart);
                assertNothingInjected(payload, svg);
                String[] ids = svg.root.getAttribute("aria-labelledby").split(" ");
                assertEquals(2, ids.length);
                assertTrue("an XML name: " + ids[0], ids[0].matches("[A-Za-z_][A-Za-z0-9_.\\-]*"));
                assertEquals(payload, p.getValue(), svg.byId(ids[0]).getTextContent());
                assertEquals(payload, p.getValue(), svg.byId(ids[1]).getTextContent());
            }
        }
    }

    @Test
    public void escapingCoversTheFiveXmlCharactersAndNothingElse() {
        assertEquals("&amp;&lt;&gt;&quot;&apos;", Svg.escape("&<>\"'"));
        assertEquals("Zo\u00eb \uD83D\uDE00", Svg.escape("Zo\u00eb \uD83D\uDE00"));
        assertEquals("", Svg.escape(null));
        assertEquals("a\uFFFDb", Svg.escape("a\u0000b"));
    }
}
