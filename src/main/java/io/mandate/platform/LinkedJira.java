package io.mandate.platform;

/**
 * Jira's REST API as seen from Confluence through the application link: reads a path as the current user, so
 * Jira's own permissions decide what Confluence may show. Confluence only ({@link ConfluenceLinkedJira}): inside
 * Jira a capability reads its own store, so there is no Jira implementation and a component that needs this one is
 * a {@code @ConfluenceComponent}.
 */
public interface LinkedJira {

    /** GETs the path from the linked Jira as the current user; never throws for anything Jira or the link does. */
    JiraAnswer get(JiraPath path);

    /** Where people open the linked Jira in their browser (the link's display URL); empty when there is no link. */
    default java.util.Optional<java.net.URI> displayUrl() {
        return java.util.Optional.empty();
    }
}
