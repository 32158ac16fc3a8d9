// Checked against https://docs.atlassian.com/atlassian-confluence/6.4.0/com/atlassian/confluence/api/impl/sal/ConfluenceApplicationProperties.html
// (getBaseUrl(com.atlassian.sal.api.UrlMode) "Specified by: getBaseUrl in interface com.atlassian.sal.api.ApplicationProperties").
// Only that member is declared; the real interface also has getDisplayName(), getVersion(), getBuildDate(),
// getBuildNumber(), getPropertyValue(String), the deprecated getBaseUrl() and (later SAL) home-directory accessors.
package com.atlassian.sal.api;

/** The product's settings that plugins may read; here: the base URL for links in mail. */
public interface ApplicationProperties {
    String getBaseUrl(UrlMode urlMode);
}
