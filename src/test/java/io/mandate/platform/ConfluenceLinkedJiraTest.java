package io.mandate.platform;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.AuthorisationURIGenerator;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import org.junit.Before;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How the Confluence adapter turns what Application Links and Jira do into a {@link JiraAnswer}. */
public class ConfluenceLinkedJiraTest {

    private static final JiraPath DEMO_1 = JiraPath.root("/rest/mandate/1.0/decisions").segment("DEMO-1");
    private static final URI AUTHORISE = URI.create("http://confluence.example/plugins/servlet/applinks/oauth/login-dance/authorize?applicationLinkID=1");

    private final ApplicationLinkService links = mock(ApplicationLinkService.class);
    private final ApplicationLink link = mock(ApplicationLink.class);
    private final ApplicationLinkRequestFactory factory = mock(ApplicationLinkRequestFactory.class);
    private final ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
    private final ConfluenceLinkedJira linkedJira = new ConfluenceLinkedJira(links);

    @Before
    public void aLinkedJira() throws Exception {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(link);
        when(link.createAuthenticatedRequestFactory()).thenReturn(factory);
        when(factory.createRequest(Request.MethodType.GET, DEMO_1.toString())).thenReturn(request);
        when(factory.getAuthorisationURI()).thenReturn(AUTHORISE);
    }

    /** Jira answers with this response (the handler runs as Application Links would run it). */
    private void jiraAnswers(Response response) throws ResponseException {
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenAnswer(call ->
                call.<ApplicationLinkResponseHandler<?>>getArgument(0).handle(response));
    }

    private static Response response(int status, String body) throws ResponseException {
        return response(status, body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Response response(int status, byte[] body, String contentLength) throws ResponseException {
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(status);
        when(response.getResponseBodyAsStream()).thenReturn(new ByteArrayInputStream(body));
        when(response.getHeader("Content-Length")).thenReturn(contentLength);
        return response;
    }

    @Test
    public void jsonOfA2xxAnswerIsReturned() throws Exception {
        jiraAnswers(response(200, "{\"issueKey\":\"DEMO-1\",\"status\":\"OPEN\"}"));
        JiraAnswer answer = linkedJira.get(DEMO_1);
        assertTrue(answer.toString(), answer instanceof JiraAnswer.Json);
        assertEquals("DEMO-1", ((JiraAnswer.Json) answer).body().get("issueKey").asText());
    }

    @Test
    public void theRequestIsAGetOfTheEncodedPathWithTimeoutsAndNoRedirects() throws Exception {
        jiraAnswers(response(200, "{}"));
        linkedJira.get(DEMO_1);
        verify(factory).createRequest(Request.MethodType.GET, "/rest/mandate/1.0/decisions/DEMO-1");
        verify(request).setConnectionTimeout(ConfluenceLinkedJira.CONNECT_TIMEOUT_MILLIS);
        verify(request).setSoTimeout(ConfluenceLinkedJira.READ_TIMEOUT_MILLIS);
        verify(request).setFollowRedirects(false);
        verify(request).addHeader("Accept", "application/json");
    }

    @Test
    public void noPrimaryJiraLinkIsNotLinked() {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(null);
        assertEquals(new JiraAnswer.NotLinked(), linkedJira.get(DEMO_1));
    }

    @Test
    public void aUserWithoutCredentialsMustAuthoriseAtTheLinksUri() throws Exception {
        AuthorisationURIGenerator generator = mock(AuthorisationURIGenerator.class);
        when(generator.getAuthorisationURI()).thenReturn(AUTHORISE);
        when(factory.createRequest(Request.MethodType.GET, DEMO_1.toString()))
                .thenThrow(new CredentialsRequiredException(generator, "authorise first"));
        assertEquals(new JiraAnswer.AuthorisationNeeded(Optional.of(AUTHORISE)), linkedJira.get(DEMO_1));
        verify(request, never()).execute(any(ApplicationLinkResponseHandler.class));
    }

    @Test
    public void credentialsRejectedByJiraMeanAuthorisationNeeded() throws Exception {
        Response rejected = response(401, "");
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenAnswer(call ->
                call.<ApplicationLinkResponseHandler<?>>getArgument(0).credentialsRequired(rejected));
        assertEquals(new JiraAnswer.AuthorisationNeeded(Optional.of(AUTHORISE)), linkedJira.get(DEMO_1));
    }

    @Test
    public void a401HandedToHandleAlsoMeansAuthorisationNeeded() throws Exception {
        jiraAnswers(response(401, "{\"message\":\"log in\"}"));
        assertEquals(new JiraAnswer.AuthorisationNeeded(Optional.of(AUTHORISE)), linkedJira.get(DEMO_1));
    }

    @Test
    public void aLinkWithoutAnAuthorisationPageStillSaysAuthorisationNeeded() throws Exception {
        when(factory.getAuthorisationURI()).thenReturn(null);
        jiraAnswers(response(401, ""));
        assertEquals(new JiraAnswer.AuthorisationNeeded(Optional.empty()), linkedJira.get(DEMO_1));
    }

    @Test
    public void notFoundKeepsItsStatusAndMeansHiddenOrGone() throws Exception {
        jiraAnswers(response(404, "{\"message\":\"not found\"}"));
        JiraAnswer answer = linkedJira.get(DEMO_1);
        assertEquals(new JiraAnswer.ErrorStatus(404), answer);
        assertTrue(((JiraAnswer.ErrorStatus) answer).hiddenOrGone());
    }

    @Test
    public void otherErrorStatusesAreKeptAsTheyAre() throws Exception {
        jiraAnswers(response(503, "<html>down</html>"));
        JiraAnswer answer = linkedJira.get(DEMO_1);
        assertEquals(new JiraAnswer.ErrorStatus(503), answer);
        assertTrue(!((JiraAnswer.ErrorStatus) answer).hiddenOrGone());
    }

    @Test
    public void aRedirectIsAnErrorStatusNotFollowed() throws Exception {
        jiraAnswers(response(302, ""));
        assertEquals(new JiraAnswer.ErrorStatus(302), linkedJira.get(DEMO_1));
    }

    @Test
    public void aFailedConnectionIsUnreachable() throws Exception {
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenThrow(new ResponseException("connect timed out"));
        JiraAnswer answer = linkedJira.get(DEMO_1);
        assertEquals(new JiraAnswer.Unreachable("connect timed out"), answer);
    }

    @Test
    public void aBodyThatBreaksOffIsUnreachable() throws Exception {
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(200);
        when(response.getResponseBodyAsStream()).thenReturn(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new java.net.SocketTimeoutException("Read timed out");
            }
        });
        jiraAnswers(response);
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreachable);
    }

    @Test
    public void aBodyAboveOneMebibyteIsUnreadableAndReadNoFurther() throws Exception {
        AtomicInteger served = new AtomicInteger();
        InputStream fourMebibytes = new InputStream() {
            @Override
            public int read() {
                return served.incrementAndGet() > 4 * JiraJsonHandler.MAX_BODY_BYTES ? -1 : ' ';
            }
        };
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(200);
        when(response.getResponseBodyAsStream()).thenReturn(fourMebibytes);
        jiraAnswers(response);
        JiraAnswer answer = linkedJira.get(DEMO_1);
        assertTrue(answer.toString(), answer instanceof JiraAnswer.Unreadable);
        assertEquals(JiraJsonHandler.MAX_BODY_BYTES + 1, served.get());
    }

    @Test
    public void aBodyOfExactlyOneMebibyteIsRead() throws Exception {
        byte[] body = new byte[JiraJsonHandler.MAX_BODY_BYTES];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        jiraAnswers(response(200, body, null));
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Json);
    }

    @Test
    public void aDeclaredContentLengthAboveTheLimitIsRefusedBeforeReading() throws Exception {
        Response response = response(200, "{}".getBytes(StandardCharsets.UTF_8), Long.toString(JiraJsonHandler.MAX_BODY_BYTES + 1L));
        jiraAnswers(response);
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreadable);
        verify(response, never()).getResponseBodyAsStream();
    }

    @Test
    public void aBodyThatIsNotJsonIsUnreadable() throws Exception {
        jiraAnswers(response(200, "<html><body>Log in</body></html>"));
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreadable);
    }

    @Test
    public void anEmptyBodyIsUnreadable() throws Exception {
        jiraAnswers(response(200, ""));
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreadable);
    }

    @Test
    public void jsonWithDuplicateKeysOrTrailingGarbageIsUnreadable() throws Exception {
        jiraAnswers(response(200, "{\"status\":\"OPEN\",\"status\":\"DECIDED\"}"));
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreadable);
        jiraAnswers(response(200, "{} {}"));
        assertTrue(linkedJira.get(DEMO_1) instanceof JiraAnswer.Unreadable);
    }
}
