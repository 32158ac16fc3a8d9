package io.mandate.accountability;

import org.junit.Test;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.mandate.accountability.SvgDocument.named;
import static org.junit.Assert.assertTrue;

/**
 * Colours readable by people with low vision (WCAG 2.1): text at least 4.5:1 against what it stands on (1.4.3),
 * the bars and the line at least 3:1 against the white page (1.4.11).
 */
public class ChartsContrastTest {

    /** WCAG relative luminance of #RRGGBB. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    public void everyCellsNumberIsReadableOnItsShade() {
        Map<String, Map<String, Integer>> levels = new HashMap<>();
        for (int l = 1; l <= 7; l++) {
            levels.computeIfAbsent("ARCH", d -> new HashMap<>()).put("p" + l, l);
        }
        SvgDocument svg = SvgDocument.parse(Charts.coverageHeatMap(new CoverageGrid(List.of("ARCH"),
                List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7"), levels), new ChartText("t", "", "")));
        List<Element> cells = SvgDocument.children(svg.byId("t-coverage-cells"));
        for (Element cell : cells) {
            String shade = named(cell, "rect").get(0).getAttribute("fill");
            String number = named(cell, "text").get(0).getAttribute("fill");
            double ratio = contrast(shade, number);
            assertTrue(number + " on " + shade + ": " + ratio, ratio >= 4.5);
        }
        List<Element> legend = SvgDocument.children(svg.byId("t-coverage-legend"));
        for (int i = 0; i + 1 < legend.size(); i++) {
            if (legend.get(i).getLocalName().equals("rect")) {
                String shade = legend.get(i).getAttribute("fill");
                String number = named(legend.get(i + 1), "text").get(0).getAttribute("fill");
                assertTrue("legend " + number + " on " + shade, contrast(shade, number) >= 4.5);
            }
        }
    }

    @Test
    public void textColoursAreReadableOnWhiteAndOnTheRowStripes() {
        for (String text : List.of(Charts.TEXT, Charts.MUTED)) {
            assertTrue(text, contrast(text, "#FFFFFF") >= 4.5);
            assertTrue(text, contrast(text, Charts.STRIPE) >= 4.5);
        }
    }

    @Test
    public void barsAndTheLineStandOutFromThePage() {
        assertTrue(contrast(Charts.MARK, "#FFFFFF") >= 3);
        assertTrue(contrast(Charts.AXIS, "#FFFFFF") >= 3);
    }
}
