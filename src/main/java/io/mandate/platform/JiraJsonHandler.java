package io.mandate.platform;

import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.AuthorisationURIGenerator;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Turns the linked Jira's response into a {@link JiraAnswer}: reads at most {@link #MAX_BODY_BYTES} of a 2xx body
 * as JSON, keeps any other status. One per request (it holds that request's authorisation URI source).
 */
final class JiraJsonHandler implements ApplicationLinkResponseHandler<JiraAnswer> {

    /** Mandate's answers are small; a larger body is a misconfigured link or a hostile server, never data to buffer. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /* Thread-safe once configured; holds no user data. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final AuthorisationURIGenerator authorisation;

    JiraJsonHandler(AuthorisationURIGenerator authorisation) {
        this.authorisation = authorisation;
    }

    @Override
    public JiraAnswer credentialsRequired(Response response) {
        return authorisationNeeded();
    }

    @Override
    public JiraAnswer handle(Response response) throws ResponseException {
        int status = response.getStatusCode();
        if (status == 401) {
            // Jira did not accept the link's credentials for this user: only authorising again helps
            return authorisationNeeded();
        }
        if (status < 200 || status > 299) {
            return new JiraAnswer.ErrorStatus(status);
        }
        Optional<Long> declared = contentLength(response);
        if (declared.isPresent() && declared.get() > MAX_BODY_BYTES) {
            return new JiraAnswer.Unreadable("Content-Length " + declared.get() + " is above " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body;
        try (InputStream in = response.getResponseBodyAsStream()) {
            body = in == null ? new byte[0] : in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            return new JiraAnswer.Unreachable("reading the body failed: " + e.getMessage());
        }
        if (body.length > MAX_BODY_BYTES) {
            return new JiraAnswer.Unreadable("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                return new JiraAnswer.Unreadable("the body is empty");
            }
            return new JiraAnswer.Json(json);
        } catch (JsonProcessingException e) {
            return new JiraAnswer.Unreadable("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new JiraAnswer.Unreadable("the body is not JSON: " + e.getMessage());
        }
    }

    private JiraAnswer authorisationNeeded() {
        return new JiraAnswer.AuthorisationNeeded(Optional.ofNullable(authorisation.getAuthorisationURI()));
    }

    private static Optional<Long> contentLength(Response response) {
        String value = response.getHeader("Content-Length");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // the bounded read below still holds
        }
    }
}
