package io.mandate.refhost.confluence;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.mandate.refhost.sal.HtmlEscapingPolicy.escape;

/**
 * Confluence's Jira Issues macro ({@code jira}) for one issue ({@code key}): reads the issue from the linked Jira over
 * the application link as the page's viewer — the same path the plugin's macros take — so Jira's permissions decide
 * what the reader sees. A reader who has not authorised the link gets the link's authorisation page; an issue the
 * reader may not see, a Jira that does not answer, or no link at all is a plain notice in place of the issue. A
 * {@code jqlQuery} becomes a link to that search in Jira (no table of issues here).
 */
public final class JiraIssueMacro implements MacroSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[0-9]{1,9}");
    /** How long a page waits for Jira before it shows the issue as unavailable. */
    private static final int TIMEOUT_MILLIS = 3_000;
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final ApplicationLinkService links;
    private final Supplier<URI> jiraBaseUrl;

    /** @param jiraBaseUrl where readers open Jira (the link's display URL); null while there is no link */
    public JiraIssueMacro(ApplicationLinkService links, Supplier<URI> jiraBaseUrl) {
        this.links = links;
        this.jiraBaseUrl = jiraBaseUrl;
    }

    @Override
    public boolean has(String name) {
        return name.equals("jira");
    }

    @Override
    public String execute(MacroCall call, RenderContext context) {
        ApplicationLink link = links == null ? null : links.getPrimaryApplicationLink(JiraApplicationType.class);
        URI jira = jiraBaseUrl.get();
        if (link == null || jira == null) {
            return notice("Unable to locate Jira server for this macro. It may be due to Application Link configuration.");
        }
        String key = call.parameter("key").trim();
        if (key.isEmpty() && !call.parameter("jqlQuery").isBlank()) {
            String search = jira + "/issues/?jql=" + URLEncoder.encode(call.parameter("jqlQuery"), StandardCharsets.UTF_8);
            return "<a class=\"jira-issues-link external-link\" href=\"" + escape(search) + "\">"
                    + escape("Jira issues: " + call.parameter("jqlQuery")) + "</a>";
        }
        if (!ISSUE_KEY.matcher(key).matches()) {
            return notice("The Jira issue key '" + key + "' is not valid.");
        }
        String browse = jira + "/browse/" + key;
        ApplicationLinkRequest request;
        try {
            request = link.createAuthenticatedRequestFactory()
                    .createRequest(Request.MethodType.GET, "/rest/api/2/issue/" + key + "?fields=summary,status");
        } catch (CredentialsRequiredException e) {
            return authenticate(key, browse, e.getAuthorisationURI());
        }
        request.setConnectionTimeout(TIMEOUT_MILLIS);
        request.setSoTimeout(TIMEOUT_MILLIS);
        try {
            return request.execute(new ApplicationLinkResponseHandler<String>() {
                @Override
                public String credentialsRequired(Response response) {
                    return authenticate(key, browse, null);
                }

                @Override
                public String handle(Response response) throws ResponseException {
                    if (response.getStatusCode() != 200) {
                        return unavailable(key, browse, response.getStatusCode() == 404
                                ? "the issue does not exist or you do not have permission to see it"
                                : "Jira answered " + response.getStatusCode());
                    }
                    JsonNode issue = read(response);
                    return "<span class=\"jira-issue\" data-jira-key=\"" + escape(key) + "\"><a class=\"jira-issue-key\" href=\""
                            + escape(browse) + "\">" + escape(key) + "</a> - <span class=\"summary\">"
                            + escape(issue.path("fields").path("summary").asText()) + "</span> <span class=\"aui-lozenge aui-lozenge-subtle jira-macro-single-issue-export-pdf\">"
                            + escape(issue.path("fields").path("status").path("name").asText()) + "</span></span>";
                }
            });
        } catch (ResponseException e) {
            return unavailable(key, browse, "Jira could not be reached");
        }
    }

    private static JsonNode read(Response response) throws ResponseException {
        try (InputStream in = response.getResponseBodyAsStream()) {
            return JSON.readTree(in.readNBytes(MAX_ANSWER_BYTES));
        } catch (IOException e) {
            throw new ResponseException("Jira's answer is not JSON", e);
        }
    }

    private static String authenticate(String key, String browse, URI authorisation) {
        String href = authorisation == null ? browse : authorisation.toString();
        return "<span class=\"jira-issue jira-issue-authenticate\" data-jira-key=\"" + escape(key) + "\"><a class=\"jira-issue-key\" href=\""
                + escape(browse) + "\">" + escape(key) + "</a> - <a class=\"static-oauth-init\" href=\"" + escape(href)
                + "\">Authenticate to retrieve your issues</a></span>";
    }

    private static String unavailable(String key, String browse, String why) {
        return "<span class=\"jira-issue jira-issue-unavailable\" data-jira-key=\"" + escape(key) + "\"><a class=\"jira-issue-key\" href=\""
                + escape(browse) + "\">" + escape(key) + "</a> - " + escape(why) + "</span>";
    }

    private static String notice(String message) {
        return "<span class=\"error jira-issue-error\">" + escape(message) + "</span>";
    }
}
