package io.mandate.refhost.web;

import io.mandate.refhost.world.HostUser;
import org.junit.Test;

import java.util.Map;

import static org.junit.Assert.assertEquals;

/** The {@code html} of Jira's picker answers: escaped text, the matched prefix in {@code <strong>}. */
public class JiraPickerServletTest {

    private static final HostUser MALLORY = new HostUser(1L, "JIRAUSER1", "mal<b>", "<img src=x onerror=alert(1)> Mallory",
            "m&m@example.com", true);

    @Test
    public void markupInADisplayNameIsEscaped() {
        Map<String, Object> user = JiraPickerServlet.user(MALLORY, "zzz");
        assertEquals("&lt;img src=x onerror=alert(1)&gt; Mallory (mal&lt;b&gt;)", user.get("html"));
        assertEquals("the plain fields stay plain", "<img src=x onerror=alert(1)> Mallory", user.get("displayName"));
    }

    @Test
    public void theHighlightedPrefixIsEscapedToo() {
        assertEquals("<strong>&lt;img</strong> src=x onerror=alert(1)&gt; Mallory (mal&lt;b&gt;)",
                JiraPickerServlet.user(MALLORY, "<img").get("html"));
        assertEquals("<strong>mal&lt;</strong>b&gt;", JiraPickerServlet.highlight("mal<b>", "MAL<"));
    }

    @Test
    public void groupNamesAreEscaped() {
        assertEquals("<strong>a&amp;</strong>b", JiraPickerServlet.group("a&b", "a&").get("html"));
        assertEquals("x&lt;y", JiraPickerServlet.group("x<y", "").get("html"));
    }
}
