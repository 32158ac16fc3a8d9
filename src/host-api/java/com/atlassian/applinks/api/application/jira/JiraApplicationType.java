// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/package-summary.html (the
// bundled types live in com.atlassian.applinks.api.application.*), the applinks-api source (code corpus:
// ApplicationLink imports com.atlassian.applinks.api.application.jira.JiraApplicationType) and public plugins calling
// getPrimaryApplicationLink(JiraApplicationType.class). An interface extending ApplicationType with no members of
// its own.
package com.atlassian.applinks.api.application.jira;

import com.atlassian.applinks.api.ApplicationType;

/** The application type of Jira, to ask for a link to Jira. */
public interface JiraApplicationType extends ApplicationType {
}
