package io.mandate.refhost.web;

import org.junit.Test;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

public class ConnectionDropFilterTest {

    private static HttpServletResponse answer(long contentLength, String transferEncoding, int status) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContentLengthLong()).thenReturn(contentLength);
        when(request.getHeader("Transfer-Encoding")).thenReturn(transferEncoding);
        HttpServletResponse response = mock(HttpServletResponse.class);
        new ConnectionDropFilter().doFilter(request, response,
                (req, res) -> ((HttpServletResponse) res).setStatus(status));
        return response;
    }

    @Test
    public void aRefusalOfARequestWithABodyTellsTheClientTheConnectionEnds() throws Exception {
        verify(answer(5_000, null, 403)).setHeader("Connection", "close");
        verify(answer(-1, "chunked", 401)).setHeader("Connection", "close");
        verify(answer(20, null, 409)).setHeader("Connection", "close");
    }

    @Test
    public void tomcatsStatusesEndTheConnectionEvenWithoutABody() throws Exception {
        verify(answer(-1, null, 400)).setHeader("Connection", "close");
        verify(answer(0, null, 413)).setHeader("Connection", "close");
    }

    @Test
    public void successesAndBodilessRefusalsKeepTheConnection() throws Exception {
        verify(answer(5_000, null, 200), never()).setHeader(anyString(), anyString());
        verify(answer(-1, null, 403), never()).setHeader(anyString(), anyString());
        verify(answer(0, null, 404), never()).setHeader(anyString(), anyString());
    }
}
