package io.mandate.refhost.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Every error response of the host — a servlet's {@code sendError}, an exception no one caught, a
 * request Jetty cannot even parse — as a plain page (JSON under {@code /rest/} or when JSON is asked for)
 * with the status and its standard reason: no stack trace, no exception text, no server name or
 * version. What went wrong is logged here, on the server, as Jira does (its 500 page shows a reference,
 * not the trace, to anonymous users).
 */
public final class HostErrorHandler extends ErrorHandler {

    private static final Logger LOG = Logger.getLogger(HostErrorHandler.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    public HostErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        Throwable cause = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (cause != null || code >= 500) {
            LOG.log(Level.SEVERE, "Request failed with " + code + ": " + request.getMethod() + " " + uri, cause);
        }
        // a 4xx text from sendError is meant for the caller; anything that comes with an exception is not
        String text = cause == null && code < 500 && message != null && !message.isBlank()
                && !message.equals(HttpStatus.getMessage(code)) ? message : reason(code);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "must-revalidate,no-cache,no-store");
        if (wantsJson(request, uri)) {
            Map<String, Object> body = new LinkedHashMap<>();
            // the host's and the plugin's error shape, plus Atlassian REST's status-code
            body.put("message", text);
            body.put("errors", Map.of());
            body.put("status-code", code);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(body));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            String status = code + " " + escape(reason(code));
            response.getOutputStream().write(("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>" + status
                    + "</title></head><body><h1>" + status + "</h1><p>" + escape(text) + "</p></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        baseRequest.setHandled(true);
    }

    /** A request Jetty refuses before any handler (bad request line, illegal characters, headers too large). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        LOG.info(() -> "Bad request refused with " + status + ": " + reason);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html;charset=UTF-8");
        String line = status + " " + escape(reason(status));
        return ByteBuffer.wrap(("<!DOCTYPE html>\n<html><head><title>" + line + "</title></head><body><h1>" + line
                + "</h1></body></html>\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int code) {
        String reason = HttpStatus.getMessage(code);
        return reason == null || reason.isBlank() ? "Error" : reason;
    }

    private static boolean wantsJson(HttpServletRequest request, String uri) {
        String accept = request.getHeader("Accept");
        return uri.contains("/rest/") || (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")
                && !accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }
}
