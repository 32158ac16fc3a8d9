package io.mandate.refhost.web;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The host's Jetty as Jira's server behaves: errors are plain pages without stack trace, exception text
 * or server version; every response carries the anti-framing headers; the session cookie is HttpOnly
 * and SameSite=Lax.
 */
public class WebSecurityTest {

    private static final String SECRET = "SECRET-DETAIL-42";
    private static Server server;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Fails the way a plugin servlet with a bug fails. */
    public static final class Boom extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException(SECRET);
        }
    }

    /** A page that only answers GET and starts a session. */
    public static final class Login extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getSession(true).setAttribute("user", "alice");
            response.setContentType("text/html");
            response.getWriter().write("<p>hello</p>");
        }
    }

    @BeforeClass
    public static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/jira");
        WebSecurity.context(context);
        context.addServlet(new ServletHolder(new Boom()), "/boom");
        context.addServlet(new ServletHolder(new Boom()), "/rest/boom");
        context.addServlet(new ServletHolder(new Login()), "/login");
        server.setHandler(context);
        WebSecurity.server(server);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPlain(HttpResponse<String> r) {
        String body = r.body().toLowerCase(Locale.ROOT);
        assertFalse(r.body(), body.contains(SECRET.toLowerCase(Locale.ROOT)));
        assertFalse(r.body(), body.contains("exception") || body.contains("\tat ") || body.contains("at io.mandate"));
        assertFalse(r.body(), body.contains("jetty") || body.contains("powered by"));
        assertTrue("no Server header", r.headers().firstValue("Server").isEmpty());
    }

    @Test
    public void uncaughtExceptionIsAPlain500WithoutTraceOrVersion() throws Exception {
        HttpResponse<String> r = get("/jira/boom", "GET");
        assertEquals(500, r.statusCode());
        assertPlain(r);
        assertTrue(r.body(), r.body().contains("500 Server Error"));
    }

    @Test
    public void uncaughtExceptionUnderRestIsPlainJson() throws Exception {
        HttpResponse<String> r = get("/jira/rest/boom", "GET");
        assertEquals(500, r.statusCode());
        assertPlain(r);
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body(), r.body().contains("\"status-code\":500"));
    }

    @Test
    public void unknownPathIsAPlain404() throws Exception {
        HttpResponse<String> r = get("/jira/nothing-here", "GET");
        assertEquals(404, r.statusCode());
        assertPlain(r);
    }

    @Test
    public void unknownContextIsAPlain404() throws Exception {
        HttpResponse<String> r = get("/elsewhere", "GET");
        assertEquals(404, r.statusCode());
        assertPlain(r);
    }

    @Test
    public void wrongMethodIsAPlain405() throws Exception {
        HttpResponse<String> r = get("/jira/login", "DELETE");
        assertEquals(405, r.statusCode());
        assertPlain(r);
    }

    @Test
    public void illegalCharactersInTheRequestLineGetAPlainAnswer() throws Exception {
        for (String target : List.of("/jira/login?q=|\"{}^", "/jira/boom?q=|\"{}^", "/jira/x|y{}")) {
            String raw = rawGet(target);
            String head = raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
            String body = raw.toLowerCase(Locale.ROOT);
            assertFalse(raw, head.contains("\nserver:"));
            assertFalse(raw, body.contains(SECRET.toLowerCase(Locale.ROOT)) || body.contains("exception") || body.contains("jetty"));
        }
    }

    @Test
    public void pagesCarryTheAntiFramingHeaders() throws Exception {
        for (String path : List.of("/jira/login", "/jira/boom", "/jira/nothing-here")) {
            HttpResponse<String> r = get(path, "GET");
            assertEquals(path, "SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals(path, "frame-ancestors 'self'", r.headers().firstValue("Content-Security-Policy").orElse(""));
            assertEquals(path, "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    public void sessionCookieIsHttpOnlyAndSameSiteLaxButNotSecureOverHttp() throws Exception {
        HttpResponse<String> r = get("/jira/login", "GET");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(cookie, lower.contains("httponly"));
        assertTrue(cookie, lower.contains("samesite=lax"));
        assertFalse(cookie, lower.contains("secure;") || lower.endsWith("secure"));
    }

    private static String rawGet(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
