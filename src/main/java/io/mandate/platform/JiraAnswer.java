package io.mandate.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LinkedJira} got back: Jira's JSON, or why there is none. Callers show each failure differently
 * (no link: "decision data is unavailable"; authorisation needed: a link to authorise; 404: as if the issue did
 * not exist), so the failures are types, not exceptions.
 */
public sealed interface JiraAnswer {

    /** Jira answered 2xx with this JSON. */
    record Json(JsonNode body) implements JiraAnswer {
        public Json {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Confluence has no application link to Jira. */
    record NotLinked() implements JiraAnswer {
    }

    /**
     * The link has no credentials for the current user (or Jira rejected them): the user must authorise the link
     * first, at {@code authorisationUri} when the link offers one.
     */
    record AuthorisationNeeded(Optional<URI> authorisationUri) implements JiraAnswer {
        public AuthorisationNeeded {
            Objects.requireNonNull(authorisationUri, "authorisationUri");
        }
    }

    /** Jira answered with an error status (kept as is; 404 = the issue is hidden from the user or gone). */
    record ErrorStatus(int status) implements JiraAnswer {
        /** Jira's way of saying "no such issue, or not one you may browse" — never told apart, on purpose. */
        public boolean hiddenOrGone() {
            return status == 404;
        }
    }

    /** Jira could not be reached or did not answer in time; {@code reason} is for the log, not for users. */
    record Unreachable(String reason) implements JiraAnswer {
    }

    /** Jira answered 2xx with something that is not JSON or larger than Mandate reads; {@code reason} is for the log. */
    record Unreadable(String reason) implements JiraAnswer {
    }
}
