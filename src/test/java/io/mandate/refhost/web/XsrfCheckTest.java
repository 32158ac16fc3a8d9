package io.mandate.refhost.web;

import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import java.util.Map;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Atlassian REST's XSRF rules for mutating REST calls, as the reference host applies them. */
public class XsrfCheckTest {

    private static final String URL = "http://localhost:2990/jira/rest/mandate/1.0/decisions/DEMO-1";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    private static HttpServletRequest request(String method, String contentType, Map<String, String> headers) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getMethod()).thenReturn(method);
        when(r.getContentType()).thenReturn(contentType);
        when(r.getRequestURI()).thenReturn("/jira/rest/mandate/1.0/decisions/DEMO-1");
        when(r.getRequestURL()).thenReturn(new StringBuffer(URL));
        headers.forEach((name, value) -> when(r.getHeader(name)).thenReturn(value));
        return r;
    }

    private static boolean fails(String method, String contentType, Map<String, String> headers) {
        return XsrfCheck.failure(request(method, contentType, headers)).isPresent();
    }

    @Test
    public void postWithoutContentTypeNeedsTheNoCheckHeader() {
        assertTrue(fails("POST", null, Map.of()));
        assertFalse(fails("POST", null, Map.of("X-Atlassian-Token", "no-check")));
    }

    @Test
    public void postWithAFormTypeNeedsTheNoCheckHeader() {
        assertTrue(fails("POST", "text/plain; charset=UTF-8", Map.of()));
        assertTrue(fails("POST", "application/x-www-form-urlencoded", Map.of()));
        assertFalse(fails("POST", "multipart/form-data; boundary=x", Map.of("X-Atlassian-Token", "no-check")));
    }

    @Test
    public void jsonFromAScriptPassesWithoutHeader() {
        assertFalse(fails("POST", "application/json", Map.of()));
        assertFalse(fails("PUT", "application/json", Map.of()));
    }

    @Test
    public void deleteWithoutBodyPasses() {
        assertFalse(fails("DELETE", null, Map.of()));
    }

    @Test
    public void browserPostFromAForeignOriginFailsEvenWithJsonAndTheHeader() {
        assertTrue(fails("POST", "application/json",
                Map.of("User-Agent", CHROME, "Origin", "https://evil.example", "X-Atlassian-Token", "no-check")));
    }

    @Test
    public void browserPutFromAForeignOriginFails() {
        assertTrue(fails("PUT", "application/json", Map.of("User-Agent", CHROME, "Origin", "http://localhost:2991")));
    }

    @Test
    public void browserRequestWithNeitherOriginNorRefererFails() {
        assertTrue(fails("PUT", "application/json", Map.of("User-Agent", CHROME)));
    }

    @Test
    public void browserRequestFromThisSitePasses() {
        assertFalse(fails("PUT", "application/json", Map.of("User-Agent", CHROME, "Origin", "http://localhost:2990")));
        assertFalse(fails("DELETE", null, Map.of("User-Agent", CHROME, "Referer", "http://localhost:2990/jira/browse/DEMO-1?x=1")));
    }

    @Test
    public void browserGetIsNotChecked() {
        assertFalse(fails("GET", null, Map.of("User-Agent", CHROME, "Origin", "https://evil.example")));
    }

    @Test
    public void scriptsAreNotAskedForAnOrigin() {
        assertFalse(fails("PUT", "application/json", Map.of("User-Agent", "curl/8.5.0", "Origin", "https://evil.example")));
    }
}
