package io.mandate.refhost.sal;

import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

/** Atlassian's Velocity auto-escaping rules as the reference host applies them. */
public class HtmlEscapingPolicyTest {

    private final HtmlEscapingPolicy policy = new HtmlEscapingPolicy();

    @Test
    public void plainReferenceIsEscaped() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", policy.referenceInsert("$summary", "<script>alert(1)</script>"));
    }

    @Test
    public void quotesAmpersandAndApostropheAreEscaped() {
        assertEquals("&quot;a&quot; &amp; &#39;b&#39;", policy.referenceInsert("$summary", "\"a\" & 'b'"));
    }

    @Test
    public void nonStringValueIsEscapedThroughItsText() {
        Object value = new Object() {
            @Override
            public String toString() {
                return "<b>";
            }
        };
        assertEquals("&lt;b&gt;", policy.referenceInsert("$thing", value));
    }

    @Test
    public void nullStaysNull() {
        assertNull(policy.referenceInsert("$summary", null));
    }

    @Test
    public void referenceEndingInHtmlIsNotEscapedInAnyCase() {
        for (String reference : new String[] {"$descriptionHtml", "$descriptionHTML", "$descriptionhtml", "$html",
                "${panelHtml}", "$!{panelHtml}"}) {
            assertTrue(reference, HtmlEscapingPolicy.isHtmlSafe(reference));
        }
        String raw = "<b>bold</b>";
        assertSame(raw, policy.referenceInsert("$descriptionHtml", raw));
    }

    @Test
    public void propertyEndingInHtmlIsNotEscaped() {
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$x.bodyHtml"));
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$x.getBodyHtml()"));
    }

    @Test
    public void htmlAtTheStartOrMiddleDoesNotMakeAReferenceSafe() {
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$htmlTitle"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$x.htmlTitle"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$descriptionHtml.title"));
    }

    @Test
    public void quietReferenceIsStillEscaped() {
        assertEquals("&lt;i&gt;", policy.referenceInsert("$!{summary}", "<i>"));
        assertEquals("&lt;i&gt;", policy.referenceInsert("$!summary", "<i>"));
        assertEquals("&lt;i&gt;", policy.referenceInsert("${summary}", "<i>"));
    }

    @Test
    public void argumentTextEndingInHtmlDoesNotMakeACallSafe() {
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$i18n.getText(\"a.b.html\")"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$!{i18n.getText('mandate.html')}"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$i18n.getText(\"a\", $x.bodyHtml)"));
        assertEquals("&lt;b&gt;", policy.referenceInsert("$i18n.getText(\"a.b.html\")", "<b>"));
    }

    /** Brackets inside a quoted argument are text, not structure. */
    @Test
    public void bracketsInsideArgumentTextDoNotMakeACallSafe() {
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$i18n.getText(\")a.html(\")"));
    }

    @Test
    public void renderMethodIsSafe() {
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$foo.renderBar()"));
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$foo.getRenderedBar()"));
    }

    @Test
    public void getterNotNamedForHtmlIsEscaped() {
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$foo.getSummary()"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$foo.summary"));
    }

    @Test
    public void xHtmlContentBodyAndHeadAreSafe() {
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$xHtmlContent"));
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$body"));
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$head"));
        assertTrue(HtmlEscapingPolicy.isHtmlSafe("$!{body}"));
    }

    @Test
    public void namesThatMerelyContainBodyOrHeadAreEscaped() {
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$bodyText"));
        assertFalse(HtmlEscapingPolicy.isHtmlSafe("$header"));
    }
}
