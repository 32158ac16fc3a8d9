// unverified: the UrlMode javadoc page was not retrieved; the type name is checked by
// https://docs.atlassian.com/atlassian-confluence/6.4.0/com/atlassian/confluence/api/impl/sal/ConfluenceApplicationProperties.html
// (getBaseUrl(com.atlassian.sal.api.UrlMode)). The constants are SAL's as known from SAL 2.x+: ABSOLUTE, RELATIVE,
// RELATIVE_CANONICAL, CANONICAL, AUTO.
package com.atlassian.sal.api;

/** Which form of base URL to return: CANONICAL is the configured one, for links that leave the request (mail). */
public enum UrlMode {
    ABSOLUTE, RELATIVE, RELATIVE_CANONICAL, CANONICAL, AUTO
}
