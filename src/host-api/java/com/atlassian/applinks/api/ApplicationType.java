// Checked against https://docs.atlassian.com/applinks-api/3.2/com/atlassian/applinks/api/package-summary.html
// ("ApplicationType: Represents the type of an ApplicationLink") and the applinks-api source (code corpus:
// "package com.atlassian.applinks.api; ... public interface ApplicationType" with getI18nKey(), getIconUrl()).
// Members not declared: Mandate only passes a type's class to ApplicationLinkService.
package com.atlassian.applinks.api;

/** The kind of application at the other end of a link (Jira, Confluence, …). */
public interface ApplicationType {
}
