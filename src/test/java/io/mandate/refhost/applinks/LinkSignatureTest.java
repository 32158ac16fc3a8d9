package io.mandate.refhost.applinks;

import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Jira believes the link's "as user X" only when it is signed with this host's secret, fresh and from loopback. */
public class LinkSignatureTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final URI TARGET = URI.create("http://localhost:2990/jira/rest/mandate/1.0/decisions/DEMO-1?expand=x");

    private final LinkSignature signature = new LinkSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A request as Jira's filter sees it, carrying these headers. */
    private static HttpServletRequest arriving(Map<String, String> headers, String remoteAddr, String method, String uri, String query) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        headers.forEach((name, value) -> when(request.getHeader(name)).thenReturn(value));
        when(request.getRemoteAddr()).thenReturn(remoteAddr);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getQueryString()).thenReturn(query);
        return request;
    }

    private HttpServletRequest signedFromLoopback(LinkSignature signer) {
        return arriving(signer.headers("alice", "GET", TARGET), "127.0.0.1", "GET",
                "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x");
    }

    @Test
    public void aSignedRequestFromLoopbackActsAsItsUser() {
        assertEquals(Optional.of("alice"), signature.verify(signedFromLoopback(signature)));
        assertEquals("IPv6 loopback too", Optional.of("alice"), signature.verify(arriving(signature.headers("alice", "GET", TARGET),
                "0:0:0:0:0:0:0:1", "GET", "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x")));
    }

    @Test
    public void aSignatureMadeWithAnotherSecretIsIgnored() {
        LinkSignature outsider = new LinkSignature("another secret, another host....".getBytes(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Optional.empty(), signature.verify(signedFromLoopback(outsider)));
    }

    @Test
    public void aValidSignatureFromOutsideLoopbackIsIgnored() {
        HttpServletRequest request = arriving(signature.headers("alice", "GET", TARGET), "192.0.2.7", "GET",
                "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x");
        assertEquals(Optional.empty(), signature.verify(request));
    }

    @Test
    public void theUserHeaderAloneIsIgnored() {
        assertEquals(Optional.empty(), signature.verify(arriving(Map.of(LinkSignature.USER, "admin"), "127.0.0.1", "GET",
                "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x")));
    }

    @Test
    public void anotherUserPathOrMethodThanTheSignedOneIsIgnored() {
        Map<String, String> headers = new java.util.HashMap<>(signature.headers("alice", "GET", TARGET));
        headers.put(LinkSignature.USER, "admin");
        assertEquals(Optional.empty(), signature.verify(arriving(headers, "127.0.0.1", "GET",
                "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x")));
        Map<String, String> original = signature.headers("alice", "GET", TARGET);
        assertEquals(Optional.empty(), signature.verify(arriving(original, "127.0.0.1", "GET",
                "/jira/rest/mandate/1.0/decisions/HR-1", "expand=x")));
        assertEquals(Optional.empty(), signature.verify(arriving(original, "127.0.0.1", "DELETE",
                "/jira/rest/mandate/1.0/decisions/DEMO-1", "expand=x")));
    }

    @Test
    public void aStaleSignatureIsIgnored() {
        LinkSignature past = new LinkSignature(SECRET, Clock.fixed(NOW.minus(LinkSignature.MAX_AGE).minusSeconds(1), ZoneOffset.UTC));
        assertEquals(Optional.empty(), signature.verify(signedFromLoopback(past)));
        LinkSignature recent = new LinkSignature(SECRET, Clock.fixed(NOW.minus(LinkSignature.MAX_AGE), ZoneOffset.UTC));
        assertEquals(Optional.of("alice"), signature.verify(signedFromLoopback(recent)));
    }
}
