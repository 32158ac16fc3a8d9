package io.mandate.platform;

import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The address a request asked for, as a URI whatever its query holds (for the login redirect). */
public class RequestUriTest {

    private static HttpServletRequest request(String path, String query) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://localhost:2990" + path));
        when(request.getRequestURI()).thenReturn(path);
        when(request.getQueryString()).thenReturn(query);
        return request;
    }

    @Test
    public void charactersNoUriMayHoldAreEncoded() {
        URI uri = RequestUri.of(request("/jira/plugins/servlet/mandate/admin", "x=|\"{}^<>`\\ #"));
        assertEquals("http://localhost:2990/jira/plugins/servlet/mandate/admin?x=%7C%22%7B%7D%5E%3C%3E%60%5C%20%23",
                uri.toString());
    }

    @Test
    public void validEscapesAndReservedCharactersAreKept() {
        URI uri = RequestUri.of(request("/jira/a%20b", "q=%41&r=a/b?c:d@e!$'()*+,;="));
        assertEquals("http://localhost:2990/jira/a%20b?q=%41&r=a/b?c:d@e!$'()*+,;=", uri.toString());
    }

    @Test
    public void aPercentThatIsNoEscapeIsEncoded() {
        assertEquals("http://localhost:2990/p?a=%25zz&b=%25", RequestUri.of(request("/p", "a=%zz&b=%")).toString());
    }

    @Test
    public void textBeyondAsciiIsEncodedAsUtf8() {
        assertEquals("http://localhost:2990/p?n=%C3%A9%F0%9F%9A%80", RequestUri.of(request("/p", "n=\u00e9\uD83D\uDE80")).toString());
    }

    @Test
    public void noQueryIsNoQuestionMark() {
        assertEquals("http://localhost:2990/jira/x", RequestUri.of(request("/jira/x", null)).toString());
    }
}
