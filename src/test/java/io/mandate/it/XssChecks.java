package io.mandate.it;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The parts of {@link DecisionXssIT}'s sweep that a browser test of XSS needs (its trap, {@link DecisionXssIT#TRAP}, is
 * installed by the test's {@code BrowserSession}): the payload corpus, and the check that nothing the trap watches
 * happened on the page.
 */
final class XssChecks {

    /** A trap mark of a link or form whose URL is an absolute path with percent-encoded query values only. */
    private static final Pattern SAME_ORIGIN_PATH =
            Pattern.compile("<(a|form) (href|action)=\"/[A-Za-z0-9_.-][A-Za-z0-9/_.-]*\\?[A-Za-z0-9=&%_.~+-]*\"> at .*");

    private XssChecks() {
    }

    /** The corpus {@code src/test/resources/xss-payloads.txt}: one payload a line, {@code %%} lines are comments. */
    static List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        try (InputStream in = XssChecks.class.getResourceAsStream("/xss-payloads.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("%%")) {
                    payloads.add(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue("at least 100 payloads: " + payloads.size(), payloads.size() >= 100);
        return payloads;
    }

    /**
     * No trapped call, no element with a handler or script URL, no real dialog, and the trap is in place.
     */
    static void assertNoExecution(WebDriver driver, String where) {
        assertNoExecution(driver, where, null);
    }

    /**
     * As {@link #assertNoExecution(WebDriver, String)}, except that a link or form to a path of this page's own
     * product ({@code path}, e.g. {@code /jira/}) whose query holds a payload percent-encoded is not counted: the
     * trap marks any URL with {@code __xss} in it, and a same-origin path with a parameter value cannot run
     * anything. Each such link must start with the path (no scheme, no {@code //} host).
     */
    static void assertNoExecution(WebDriver driver, String where, String path) {
        Object state;
        try {
            state = ((JavascriptExecutor) driver).executeScript("return {trap: window.__xssTrap === true,"
                    + " hits: (window.__xssHits || []).slice(), marks: (window.__xssMarks || []).slice()};");
        } catch (UnhandledAlertException e) {
            fail(where + ": a real dialog opened: " + e.getAlertText());
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) state;
        assertEquals(where + ": the trap is installed", Boolean.TRUE, s.get("trap"));
        assertTrue(where + ": payloads ran: " + s.get("hits"), ((List<?>) s.get("hits")).isEmpty());
        List<Object> marks = new ArrayList<>((List<?>) s.get("marks"));
        if (path != null) {
            marks.removeIf(m -> SAME_ORIGIN_PATH.matcher(String.valueOf(m)).matches() && String.valueOf(m).contains("=\"" + path));
        }
        assertTrue(where + ": payload markup reached the DOM: " + marks, marks.isEmpty());
    }
}
