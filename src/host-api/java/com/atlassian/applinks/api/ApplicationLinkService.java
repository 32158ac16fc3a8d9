// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/package-summary.html and the
// applinks-api source (code corpus: "public interface ApplicationLinkService", @since 3.0; a later decompiled copy has
// the same four members: getApplicationLink(ApplicationId) throws TypeNotInstalledException, getApplicationLinks(),
// getApplicationLinks(Class<? extends ApplicationType>), getPrimaryApplicationLink(Class<? extends ApplicationType>)).
// Declared: the one member Mandate calls.
package com.atlassian.applinks.api;

/** The application links of this product (Confluence's links to Jira, for instance). */
public interface ApplicationLinkService {

    /**
     * The primary link of the given type, e.g. {@code JiraApplicationType.class}; {@code null} when no link of that
     * type is configured.
     */
    ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type);
}
